import { DEFAULT_FOLLOW_UP_WORKING_DAYS, DEFAULT_PLAN_MAX_WORKING_DAYS } from '../../shared/ratings/follow-up';
import { DEFAULT_VISIT_CODE_DAYS } from '../../shared/ratings/visit-codes';
import type { Store } from '../_runtime/store/port';

/**
 * The bureau's 好差评 settings, one `meta` record: the follow-up deadline in
 * working days (provinces use 15, some cities 5), how far ahead a 限期整改 plan
 * may be dated (working days from the answer, default 30), how long a visit code lasts,
 * and whether unverified ratings (a bare window QR, no visit behind it) count
 * in the official figures — by default they do not. Absent → the defaults.
 */
export const RATING_SETTINGS_ID = 'rating-settings';

export interface RatingSettings {
  followUpWorkingDays: number;
  planMaxWorkingDays: number;
  visitCodeDays: number;
  includeUnverified: boolean;
}

export async function ratingSettings(store: Store): Promise<RatingSettings> {
  const record = await store.collection('meta').get(RATING_SETTINGS_ID);
  return {
    followUpWorkingDays: record?.followUpWorkingDays ?? DEFAULT_FOLLOW_UP_WORKING_DAYS,
    planMaxWorkingDays: record?.planMaxWorkingDays ?? DEFAULT_PLAN_MAX_WORKING_DAYS,
    visitCodeDays: record?.visitCodeDays ?? DEFAULT_VISIT_CODE_DAYS,
    includeUnverified: record?.includeUnverified === true,
  };
}
