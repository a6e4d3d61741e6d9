import { cloudbaseMain } from '../_runtime/cloudbase-main';
import { calendarFunction } from './calendar-function';

export const main = cloudbaseMain(calendarFunction);
