import { createHash } from 'node:crypto';
import { LOCAL_FILE_PATH } from '../../shared/files/attachment-files';
import type { Logger } from './handler-context';
import { VersionConflictError, type Store } from './store/port';

/**
 * The `files` record of an upload, on both platforms: the local cloud's `/files/<id>` is its id; a
 * CloudBase fileID (cloud://…) is keyed by a hash of it, so a fileID found in a write finds its
 * record without a query. Anything else (an https link) is no upload of ours.
 */
export function uploadIdOf(url: string): string | null {
  const local = LOCAL_FILE_PATH.exec(url);
  if (local) return local[1];
  if (url.startsWith('cloud://')) return `cb${createHash('sha256').update(url).digest('hex').slice(0, 40)}`;
  return null;
}

/** Every upload address anywhere in a write's input (attachments of a notice, a letter, a supplement, a question's photos). */
export function uploadUrlsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (uploadIdOf(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) uploadUrlsIn(v, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) uploadUrlsIn(v, into);
  }
  return into;
}

/**
 * Marks the uploads a write names as attached, so the `remove-unattached-uploads` job leaves them be.
 * Run before the write's handler (invoke.ts): a write that then fails leaves a file marked that might
 * have gone, never a file attached to a record and removed under it.
 */
export async function markUploadsAttached(store: Store, input: unknown, now: Date, log: Logger): Promise<void> {
  for (const url of uploadUrlsIn(input)) {
    const id = uploadIdOf(url) as string;
    for (let attempt = 0; attempt < 3; attempt++) {
      const record = await store.collection('files').get(id);
      // Being removed (unattached-uploads.ts): as gone as a record already deleted, so not marked.
      if (!record || record.attached !== false || record.removing) break;
      try {
        await store.collection('files').update(id, record.version, { attached: true, attachedAt: now.toISOString() });
        break;
      } catch (error) {
        // Marked at the same moment by another write naming it: read again, it is probably marked.
        if (error instanceof VersionConflictError) continue;
        log.error('upload not marked as attached', { id, error: String(error) });
        throw error;
      }
    }
  }
}
