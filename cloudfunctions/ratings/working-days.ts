import { isWorkday } from 'chinese-days';

/**
 * Whether a Beijing calendar date is a working day, from the published State
 * Council holiday schedule (调休 included) as the chinese-days package ships it.
 * The requests issue is building a bureau-controlled calendar; when it lands,
 * this is the one place to switch.
 */
export function isWorkingDay(date: string): boolean {
  return isWorkday(date);
}
