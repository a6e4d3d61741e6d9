import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { workbenchFunction } from './workbench-function';

export const main = cloudbaseMain(workbenchFunction);
