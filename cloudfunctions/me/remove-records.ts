import type { CollectionName } from '../_runtime/collections';
import type { Store } from '../_runtime/store/port';

/** Rows removed per transaction: thousands of a resident's messages go in short transactions, not one long one. */
const BATCH = 100;

/**
 * Removes `rows` from `collection` (an erasure, the retention job). A row changed meanwhile is removed
 * at its current version; one already gone is skipped. Answers how many were removed.
 */
export async function removeRecords(store: Store, collection: CollectionName, rows: ReadonlyArray<{ id: string }>): Promise<number> {
  let removed = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    removed += await store.transaction(async (tx) => {
      let n = 0;
      for (const row of batch) {
        const current = await tx.collection(collection).get(row.id);
        if (!current) continue;
        await tx.collection(collection).delete(row.id, current.version);
        n += 1;
      }
      return n;
    });
  }
  return removed;
}
