import type { Store } from '../_runtime/store/port';
import { SCAN_EVERY_MS, takeTurn } from '../_jobs/job-turn';

/** How often the periodic scans (deadline reminders, lapsed supplements) run at most: their jobs' `everyMs`. */
export { SCAN_EVERY_MS };

/**
 * The scan turn the two scans (remind-staff-of-deadlines.ts,
 * requests/close-lapsed-supplements.ts) still take themselves, under their own
 * `meta` record, when called directly: true at most once per SCAN_EVERY_MS
 * for the scan named `mark`. Their jobs are throttled by the runner with the
 * same interval at the same instant (cloudfunctions/_jobs/run-jobs.ts), so the
 * two turns agree.
 */
export function timeToScan(store: Store, now: Date, mark: string): Promise<boolean> {
  return takeTurn(store, now, mark, SCAN_EVERY_MS);
}
