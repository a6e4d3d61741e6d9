import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { inquiriesFunction } from './inquiries-function';

export const main = cloudbaseMain(inquiriesFunction);
