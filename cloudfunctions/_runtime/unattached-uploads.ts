import { fileRemovedEvent } from '../../shared/files/attachment-files';
import type { Store } from './store/port';
import type { UploadStorage } from './upload-storage';

/** An upload nothing has named for this long was picked and never sent (a question abandoned, a notice not saved). */
export const UNATTACHED_UPLOAD_MS = 24 * 60 * 60 * 1000;
/** Uploads removed per run; a full batch asks the runner to go again. */
export const UNATTACHED_BATCH = 100;

/**
 * Removes uploads no write has named (`attached: false`, upload-records.ts) a day after they were
 * made, in three steps, each safe to be cut off after:
 * 1. the record is marked `removing`, in a transaction that checks it is still unattached: from then on
 *    it is gone for everyone (not served, not attachable, a write naming it does not mark it attached);
 * 2. the bytes are removed (bytes already gone are no error);
 * 3. the record goes, with a `removed` event.
 * A run that stops between 1 and 3 (a crash, a storage error) leaves a record still unattached and
 * marked, which the next run finds by the same query and finishes from step 2: never bytes that no
 * record names and nothing would remove, and never a record a write could attach whose bytes are gone.
 */
export async function removeUnattachedUploads(store: Store, storage: UploadStorage, now: Date): Promise<{ removed: number; more: boolean }> {
  const before = new Date(now.getTime() - UNATTACHED_UPLOAD_MS).toISOString();
  const { items } = await store.collection('files').find({
    where: { attached: false, createdAt: { lt: before } },
    orderBy: [['createdAt', 'asc']],
    limit: UNATTACHED_BATCH,
  });
  let removed = 0;
  for (const file of items) {
    const marked = await store.transaction(async (tx) => {
      const current = await tx.collection('files').get(file.id);
      // Attached meanwhile (a write named it after the page was read): it stays.
      if (!current || current.attached !== false) return null;
      if (current.removing) return current;
      return tx.collection('files').update(file.id, current.version, { removing: true });
    });
    if (!marked) continue;
    await storage.remove(file.id, marked);
    await store.transaction(async (tx) => {
      const current = await tx.collection('files').get(file.id);
      if (!current) return;
      await tx.collection('files').delete(file.id, current.version);
      await tx.collection('events').insert(fileRemovedEvent(file.id, now, file.name));
    });
    removed++;
  }
  return { removed, more: items.length === UNATTACHED_BATCH };
}
