import type { AttachmentFileRecord } from '../../shared/files/attachment-files';
import type { UploadStorage } from './upload-storage';

/**
 * CloudBase cloud storage as the functions and jobs use it, over @cloudbase/node-sdk's calls (the
 * SDK's own HTTP, answered in the tests by test/support/cloudbase-db-standin.ts). The storage is
 * private (the deploy sets its permission, server/deploy/): a phone reads a file only through an
 * address `temporaryUrl` gives after the files function has checked who is asking.
 */
export interface CloudbaseStorageApp {
  getTempFileURL(options: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{ fileList?: Array<{ code: string; fileID: string; tempFileURL: string }>; code?: string; message?: string }>;
  deleteFile(options: { fileList: string[] }): Promise<{ fileList?: Array<{ code: string; fileID: string }>; code?: string; message?: string }>;
}

export interface FileLinks {
  /** A short-lived address of a stored file, or null when storage has no such file. */
  temporaryUrl(fileId: string, seconds: number): Promise<string | null>;
}

export function cloudbaseFileLinks(app: CloudbaseStorageApp): FileLinks {
  return {
    async temporaryUrl(fileId, seconds) {
      const answer = await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: seconds }] });
      if (answer.code) throw new Error(`getTempFileURL failed: ${answer.code} ${answer.message ?? ''}`);
      const file = answer.fileList?.find((f) => f.fileID === fileId);
      return file && file.code === 'SUCCESS' && file.tempFileURL ? file.tempFileURL : null;
    },
  };
}

/** The removal road of the jobs (remove-unattached-uploads): a file already gone is no error. */
export function cloudbaseUploadStorage(app: CloudbaseStorageApp): UploadStorage {
  return {
    async remove(_id: string, record: AttachmentFileRecord) {
      if (!record.url) return;
      const answer = await app.deleteFile({ fileList: [record.url] });
      if (answer.code) throw new Error(`deleteFile failed: ${answer.code} ${answer.message ?? ''}`);
      const file = answer.fileList?.find((f) => f.fileID === record.url);
      if (file && file.code !== 'SUCCESS' && file.code !== 'STORAGE_FILE_NONEXIST') throw new Error(`deleteFile ${record.url}: ${file.code}`);
    },
  };
}
