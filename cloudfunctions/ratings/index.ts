import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { ratingsFunction } from './ratings-function';

export const main = cloudbaseMain(ratingsFunction);
