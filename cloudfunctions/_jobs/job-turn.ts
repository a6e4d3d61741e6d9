import type { Store } from '../_runtime/store/port';

/** How often the periodic scans (lapsed supplements, deadline reminders) run at most. */
export const SCAN_EVERY_MS = 10 * 60 * 1000;

/**
 * True at most once per `everyMs` for the turn named `mark`, across every
 * runner (a version-checked record in `meta`): of two runners that wake at
 * once, one takes the turn and the other's write conflicts and answers false.
 */
export async function takeTurn(store: Store, now: Date, mark: string, everyMs: number): Promise<boolean> {
  try {
    return await store.transaction(async (tx) => {
      const meta = tx.collection('meta');
      const last = await meta.get(mark);
      if (last?.at && now.getTime() - Date.parse(last.at) < everyMs) return false;
      if (last) await meta.update(mark, last.version, { at: now.toISOString() });
      else await meta.insert({ id: mark, at: now.toISOString() });
      return true;
    });
  } catch {
    return false; // another runner took this turn
  }
}
