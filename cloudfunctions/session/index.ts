import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { sessionFunction } from './session-function';

export const main = cloudbaseMain(sessionFunction);
