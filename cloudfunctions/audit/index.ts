import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { auditFunction } from './audit-function';

export const main = cloudbaseMain(auditFunction);
