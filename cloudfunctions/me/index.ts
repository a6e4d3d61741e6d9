import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { meFunction } from './me-function';

export const main = cloudbaseMain(meFunction);
