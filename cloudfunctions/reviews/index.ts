import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { reviewsFunction } from './reviews-function';

export const main = cloudbaseMain(reviewsFunction);
