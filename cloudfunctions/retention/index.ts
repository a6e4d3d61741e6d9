import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { retentionFunction } from './retention-function';

export const main = cloudbaseMain(retentionFunction);
