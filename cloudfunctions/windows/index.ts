import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { windowsFunction } from './windows-function';

export const main = cloudbaseMain(windowsFunction);
