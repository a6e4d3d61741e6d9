import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { inboxFunction } from './inbox-function';

export const main = cloudbaseMain(inboxFunction);
