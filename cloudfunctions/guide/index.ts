import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { guideFunction } from './guide-function';

export const main = cloudbaseMain(guideFunction);
