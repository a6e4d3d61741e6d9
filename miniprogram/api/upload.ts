import Taro from '@tarojs/taro';
import { ERROR_CATALOGUE, type Envelope } from '../../shared/api/errors';
import { MAX_UPLOAD_BYTES, extensionOf, nameRefusal, type UploadedAttachment } from '../../shared/files/attachment-files';
import type { Attachment } from '../../shared/notices/notice-schema';
import { ApiError, call, NETWORK_MESSAGE } from './call';
import { localCloudBaseUrl, storedDevSession, usesWechatCloud } from './transport';

/**
 * One upload port, two ends (like the function transport):
 * - in WeChat with CloudBase, the file goes to cloud storage with
 *   `Taro.cloud.uploadFile` and is recorded as the caller's with `files.upload`;
 *   the attachment keeps its cloud:// fileID;
 * - against the local cloud (the H5 build, or WeChat pointed at
 *   LOCAL_CLOUD_URL), its bytes are posted to `/files`, which decides who may
 *   upload and what the file really is, and answers `/files/<id>`.
 * The phone checks the extension and the size first only to spare a wasted
 * upload; the local cloud decides again on the bytes.
 */

/** A file the clerk picked: in H5 a browser File, in WeChat a temporary path. */
export interface PickedFile {
  name: string;
  size: number;
  blob?: Blob;
  path?: string;
}

export type Uploader = (file: PickedFile) => Promise<Attachment>;

let current: Uploader | null = null;

export function setUploader(uploader: Uploader | null): void {
  current = uploader;
}

export async function uploadAttachment(file: PickedFile): Promise<Attachment> {
  const refusal = nameRefusal(file.name);
  if (refusal) throw new ApiError('FILE_TYPE_NOT_ALLOWED', refusal);
  if (file.size > MAX_UPLOAD_BYTES) throw new ApiError('FILE_TOO_LARGE', ERROR_CATALOGUE.FILE_TOO_LARGE.message);
  if (!current) current = usesWechatCloud() ? cloudStorageUploader : localCloudUploader(localCloudBaseUrl());
  return current(file);
}

const cloudStorageUploader: Uploader = async (file) => {
  // The name in storage is ours (month and a random token); the clerk's name is kept in the record.
  const month = new Date().toISOString().slice(0, 7);
  const token = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  let fileID: string;
  try {
    fileID = (await Taro.cloud.uploadFile({ cloudPath: `attachments/${month}/${token}.${extensionOf(file.name)}`, filePath: file.path as string })).fileID;
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_MESSAGE);
  }
  // Recorded as the caller's (who may upload what, the upload limit; removed a day on if never sent): files.upload.
  const recorded = await call('files', 'upload', { url: fileID, name: file.name, sizeBytes: file.size });
  return { name: recorded.name, url: recorded.url, sizeBytes: recorded.sizeBytes };
};

export function localCloudUploader(baseUrl: string): Uploader {
  return async (file) => {
    const header: Record<string, string> = { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) };
    const token = storedDevSession();
    if (token) header['x-dev-session'] = token;
    let envelope: Envelope<UploadedAttachment> | undefined;
    try {
      if (file.blob) {
        const response = await fetch(`${baseUrl}/files`, { method: 'POST', body: file.blob, headers: header, credentials: 'same-origin' });
        envelope = (await response.json()) as Envelope<UploadedAttachment>;
      } else {
        // WeChat pointed at a local cloud: read the temporary file and send its bytes as they are.
        const data = Taro.getFileSystemManager().readFileSync(file.path as string) as ArrayBuffer;
        const response = await Taro.request({ url: `${baseUrl}/files`, method: 'POST', data, header, dataType: 'json' } as Taro.request.Option);
        envelope = response.data as Envelope<UploadedAttachment>;
      }
    } catch {
      throw new ApiError('NETWORK_ERROR', NETWORK_MESSAGE);
    }
    if (!envelope || typeof envelope !== 'object' || !('ok' in envelope)) throw new ApiError('NETWORK_ERROR', NETWORK_MESSAGE);
    if (!envelope.ok) throw new ApiError(envelope.code, envelope.message);
    return { name: envelope.data.name, url: envelope.data.url, sizeBytes: envelope.data.sizeBytes };
  };
}
