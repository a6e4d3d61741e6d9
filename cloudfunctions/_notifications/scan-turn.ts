import type { Store } from '../_runtime/store/port';

/** How often the dispatcher's periodic scans (deadline reminders, lapsed supplements) run at most. */
export const SCAN_EVERY_MS = 10 * 60 * 1000;

/**
 * True at most once per SCAN_EVERY_MS for the scan named `mark`, across every
 * dispatcher (a version-checked record in `meta`): of two runners that wake at
 * once, one takes the turn and the other's write conflicts and answers false.
 */
export async function timeToScan(store: Store, now: Date, mark: string): Promise<boolean> {
  try {
    return await store.transaction(async (tx) => {
      const meta = tx.collection('meta');
      const last = await meta.get(mark);
      if (last?.at && now.getTime() - Date.parse(last.at) < SCAN_EVERY_MS) return false;
      if (last) await meta.update(mark, last.version, { at: now.toISOString() });
      else await meta.insert({ id: mark, at: now.toISOString() });
      return true;
    });
  } catch {
    return false; // another dispatcher took this turn
  }
}
