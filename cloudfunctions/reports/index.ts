import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { reportsFunction } from './reports-function';

export const main = cloudbaseMain(reportsFunction);
