import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { letterTemplatesFunction } from './letter-templates-function';

export const main = cloudbaseMain(letterTemplatesFunction);
