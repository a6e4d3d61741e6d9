import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { noticesFunction } from './notices-function';

export const main = cloudbaseMain(noticesFunction);
