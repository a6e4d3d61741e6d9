import { DEFAULT_FOLLOW_UP_WORKING_DAYS, DEFAULT_PLAN_MAX_WORKING_DAYS } from '../../shared/ratings/follow-up';
import { DEFAULT_VISIT_CODE_DAYS } from '../../shared/ratings/visit-codes';
import type { Store } from '../_runtime/store/port';
import { ratingEvent } from '../../shared/ratings/rating-events';
import type { RatingSettingsView } from '../../shared/ratings/ratings-types';
import { changeRecord } from '../_runtime/change-record';

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

export async function ratingSettingsView(store: Store): Promise<RatingSettingsView> {
  const [settings, record] = await Promise.all([ratingSettings(store), store.collection('meta').get(RATING_SETTINGS_ID)]);
  return { ...settings, version: record?.version ?? 0 };
}

/**
 * An admin sets the bound on 限期整改 plan dates, through the change road: the version read is checked
 * (two admins editing at once: VERSION_CONFLICT), the event names the old and new values. Plans already
 * dated keep their dates; the bound applies to answers from now on.
 */
export async function saveRatingSettings(store: Store, next: { planMaxWorkingDays: number; version: number }, actor: string, now: Date): Promise<RatingSettingsView> {
  await changeRecord(store, {
    collection: 'meta',
    id: RATING_SETTINGS_ID,
    expectedVersion: next.version,
    notFound: 'VALIDATION_FAILED',
    initial: {},
    decide: (current) => {
      const before = current.planMaxWorkingDays ?? DEFAULT_PLAN_MAX_WORKING_DAYS;
      if (before === next.planMaxWorkingDays && current.version > 0) return null;
      return {
        patch: { planMaxWorkingDays: next.planMaxWorkingDays },
        events: [ratingEvent(RATING_SETTINGS_ID, 'settingsChanged', actor, now, `限期整改最长期限 ${before}→${next.planMaxWorkingDays} 个工作日`)],
      };
    },
  });
  return ratingSettingsView(store);
}
