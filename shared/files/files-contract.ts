import * as z from 'zod/mini';
import '../api/zod-messages';
import { IdSchema } from '../api/common';
import { action } from '../api/define';
import { anyone, resident } from '../staff/roles';
import { LOCAL_FILE_PATH, MAX_UPLOAD_BYTES } from './attachment-files';

/**
 * Function `files`: uploaded attachments behind the access rules of cloudfunctions/_runtime/file-access.ts.
 * CloudBase storage is private (the deploy sets it so, server/deploy/), so a phone cannot read a
 * fileID by itself: `link` checks who may read it and answers a short-lived address; `upload` records
 * what the phone put into storage, so the upload is limited like any other, removed a day on if no
 * write names it, and known as the caller's own.
 */
const UPLOADED_URL = z.string().check(z.trim(), z.maxLength(1024), z.refine((url) => LOCAL_FILE_PATH.test(url) || /^cloud:\/\/\S+$/.test(url), '附件地址格式不正确'));

/** The record the app shows the file in (a notice, a request, a question); without one, the caller's own upload not sent yet. */
export const FILE_RECORD_KINDS = ['notice', 'request', 'inquiry'] as const;
export type FileRecordKind = (typeof FILE_RECORD_KINDS)[number];

export const FileLinkInputSchema = z.strictObject({
  url: UPLOADED_URL,
  on: z.optional(z.strictObject({ kind: z.enum(FILE_RECORD_KINDS), id: IdSchema })),
});

/** A CloudBase fileID the app uploaded: `cloud://<env>/attachments/<yyyy-mm>/<random>.<ext>` (miniprogram/api/upload.ts). */
export const CLOUD_UPLOAD_PATH = /^cloud:\/\/[^/\s]+\/attachments\/(\d{4}-\d{2})\/[A-Za-z0-9_-]+\.([a-z0-9]{1,10})$/;

export const FileUploadInputSchema = z.strictObject({
  url: z.string().check(z.trim(), z.maxLength(1024), z.regex(CLOUD_UPLOAD_PATH, '只能登记本小程序刚上传到云存储的文件')),
  name: z.string().check(z.trim(), z.minLength(1, '请提供文件名'), z.maxLength(200)),
  sizeBytes: z.number().check(z.int(), z.gte(1), z.lte(MAX_UPLOAD_BYTES, '附件不能超过 20 MB')),
});

export interface FileLink {
  /** Where to fetch the file now: a short-lived https address on CloudBase; the local cloud's own `/files/<id>`. */
  url: string;
  /** When a CloudBase address stops working (ISO); null for the local cloud's, which checks on every fetch. */
  expiresAt: string | null;
}

export interface RecordedUpload {
  id: string;
  name: string;
  url: string;
  sizeBytes: number;
}

export const filesContract = {
  link: action<FileLink>()({
    input: FileLinkInputSchema,
    access: anyone,
    summary: '附件的下载地址：核对读取权限后给出短时有效的地址（撤回的信息、他人的申请和咨询的附件不给）',
    writes: false,
  }),
  upload: action<RecordedUpload>()({
    input: FileUploadInputSchema,
    access: resident,
    summary: '登记刚上传到云存储的附件（与本地上传同样的权限和次数限制）',
    writes: true,
  }),
};
