import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { directoryFunction } from './directory-function';

export const main = cloudbaseMain(directoryFunction);
