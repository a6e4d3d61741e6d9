import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { filesFunction } from './files-function';

export const main = cloudbaseMain(filesFunction);
