import type { AttachmentFileRecord } from '../../shared/files/attachment-files';

/**
 * Where uploads' bytes live, as the jobs need it: the local cloud's data folder (server/), CloudBase
 * cloud storage (cloudbase-upload-storage.ts). Wired by each runner; a runner without one leaves
 * uploads alone.
 */
export interface UploadStorage {
  /** Removes an upload's bytes; bytes already gone are no error. */
  remove(id: string, record: AttachmentFileRecord): Promise<void>;
}
