import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { requestsFunction } from './requests-function';

export const main = cloudbaseMain(requestsFunction);
