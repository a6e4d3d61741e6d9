import { applyRetention } from '../retention/apply-retention';
import type { Job } from './job';

/** Retention periods are counted in days and years: one run an hour is plenty. */
const EVERY_MS = 60 * 60 * 1000;

/**
 * Personal data past the bureau's retention periods (保存期限, the `meta` document `privacy-settings`)
 * anonymised or removed: retention/apply-retention.ts says what, and keeps what the law requires.
 * A first run over years of records goes in batches of RETENTION_BATCH per kind, one batch an hour.
 */
export const applyRetentionJob: Job = {
  name: 'apply-retention',
  everyMs: EVERY_MS,
  async run({ store, now, log }) {
    const { counts, more } = await applyRetention(store, now(), log);
    return { moreWork: more, counts: { ...counts } };
  },
};
