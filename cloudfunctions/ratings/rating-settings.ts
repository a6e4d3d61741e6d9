import { DEFAULT_FOLLOW_UP_WORKING_DAYS } from '../../shared/ratings/follow-up';
import { DEFAULT_VISIT_CODE_DAYS } from '../../shared/ratings/visit-codes';
import type { Store } from '../_runtime/store/port';

/**
 * The bureau's 好差评 settings, one `meta` record: the follow-up deadline in
 * working days (provinces use 15, some cities 5) and how long a visit code lasts.
 * Absent → the defaults.
 */
export const RATING_SETTINGS_ID = 'rating-settings';

export interface RatingSettings {
  followUpWorkingDays: number;
  visitCodeDays: number;
}

export async function ratingSettings(store: Store): Promise<RatingSettings> {
  const record = await store.collection('meta').get(RATING_SETTINGS_ID);
  return {
    followUpWorkingDays: record?.followUpWorkingDays ?? DEFAULT_FOLLOW_UP_WORKING_DAYS,
    visitCodeDays: record?.visitCodeDays ?? DEFAULT_VISIT_CODE_DAYS,
  };
}
