import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { faqFunction } from './faq-function';

export const main = cloudbaseMain(faqFunction);
