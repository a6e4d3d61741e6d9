import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { subscriptionsFunction } from './subscriptions-function';

export const main = cloudbaseMain(subscriptionsFunction);
