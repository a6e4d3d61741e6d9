import { fileRemovedEvent } from '../../shared/files/attachment-files';
import type { Store } from './store/port';
import type { UploadStorage } from './upload-storage';

/** An upload nothing has named for this long was picked and never sent (a question abandoned, a notice not saved). */
export const UNATTACHED_UPLOAD_MS = 24 * 60 * 60 * 1000;
/** Uploads removed per run; a full batch asks the runner to go again. */
export const UNATTACHED_BATCH = 100;

/**
 * Removes uploads no write has named (`attached: false`, upload-records.ts) a day after they were
 * made: the record with a `removed` event in one transaction that checks it is still unattached,
 * then the bytes. A write naming the file after that finds no record (a resident's is refused by
 * require-own-uploads.ts), and a failure between the two leaves bytes nothing serves (the routes
 * answer from the record), never a record whose bytes are gone.
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
    const gone = await store.transaction(async (tx) => {
      const current = await tx.collection('files').get(file.id);
      // Attached meanwhile (a write named it after the page was read): it stays.
      if (!current || current.attached !== false) return false;
      await tx.collection('files').delete(file.id, current.version);
      await tx.collection('events').insert(fileRemovedEvent(file.id, now, file.name));
      return true;
    });
    if (!gone) continue;
    await storage.remove(file.id, file);
    removed++;
  }
  return { removed, more: items.length === UNATTACHED_BATCH };
}
