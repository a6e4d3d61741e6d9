import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { staffFunction } from './staff-function';

export const main = cloudbaseMain(staffFunction);
