import { AppError } from '../../shared/api/errors';
import { ATTACHMENT_FILE_TYPES, fileKindByName, fileUploadedEvent, LOCAL_FILE_PATH, nameRefusal, type AttachmentFileRecord } from '../../shared/files/attachment-files';
import { CLOUD_UPLOAD_PATH, filesContract, type FileRecordKind } from '../../shared/files/files-contract';
import { defineFunction } from '../_runtime/define-function';
import { recordAudit } from '../_runtime/audit-trail';
import type { HandlerContext } from '../_runtime/handler-context';
import { isStaff } from '../../shared/staff/roles';
import { decideFileAccess, type FileUse } from '../_runtime/file-access';
import type { Store } from '../_runtime/store/port';
import { uploadIdOf, uploadUrlsIn } from '../_runtime/upload-records';
import { uploadRefusal } from '../_runtime/upload-permission';

/** How long a CloudBase link works: long enough to open or save the file, too short to pass around. */
export const FILE_LINK_SECONDS = 10 * 60;

const COLLECTION_OF: Record<FileRecordKind, 'notices' | 'requests' | 'inquiries'> = { notice: 'notices', request: 'requests', inquiry: 'inquiries' };

/**
 * Function `files` (shared/files/files-contract.ts). `link` answers where to fetch a file after the
 * access rules every platform shares (cloudfunctions/_runtime/file-access.ts), asked of the record the
 * app shows the file in, which must itself name the file: a fileID copied from elsewhere and named
 * with a record that does not carry it is refused like an unknown one. Refused and unknown answer alike
 * (FILE_NOT_FOUND), so a withdrawn notice's file does not even show it exists.
 */
export const filesFunction = defineFunction('files', filesContract, {
  async link({ url, on }, ctx) {
    const uses = on ? await usesNaming(ctx.store, on.kind, on.id, url) : [];
    if (on && uses.length === 0) throw new AppError('FILE_NOT_FOUND');
    const access = await decideFileAccess(ctx.store, ctx.caller, uploadIdOf(url), uses);
    if (access === 'refused') throw new AppError('FILE_NOT_FOUND');
    const answer = await linkTo(url, ctx);
    // A resident's own file on their request or case (a supplement, a photo sent with a question) is
    // their personal data: a member of staff opening it is a view on 操作记录, as opening the record is.
    if (access === 'private' && isStaff(ctx.caller)) {
      const recordId = await ownersRecordOf(ctx.store, uploadIdOf(url), uses);
      if (recordId) await recordAudit(ctx, 'files.link', 'personalDataViewed', { id: recordId }, null);
    }
    return answer;
  },

  /**
   * What the phone just put into CloudBase storage, recorded as the caller's upload. Only a path the app
   * writes, of this month or the last (a fileID seen elsewhere, older, cannot be claimed), with the
   * extension of the name it is given, and only once: the first to record a fileID owns it.
   */
  async upload({ url, name, sizeBytes }, ctx) {
    const openid = ctx.caller.openid as string;
    const refusal = await uploadRefusal(ctx.store, ctx.caller, name);
    if (refusal) throw refusal;
    const badName = nameRefusal(name);
    if (badName) throw new AppError('FILE_TYPE_NOT_ALLOWED', badName);
    const [, month, extension] = CLOUD_UPLOAD_PATH.exec(url) as RegExpExecArray;
    const kind = fileKindByName(name);
    if (!kind || fileKindByName(`file.${extension}`) !== kind) throw new AppError('VALIDATION_FAILED', undefined, { url: '文件类型与文件名不符' });
    if (!recentMonths(ctx.now()).includes(month)) throw new AppError('VALIDATION_FAILED', undefined, { url: '只能登记刚上传的文件' });
    const id = uploadIdOf(url) as string;
    const record: AttachmentFileRecord = {
      name,
      contentType: ATTACHMENT_FILE_TYPES[kind].contentType,
      sizeBytes,
      uploadedBy: openid,
      createdAt: ctx.now().toISOString(),
      url,
      attached: false,
    };
    const outcome = await ctx.store.transaction(async (tx) => {
      const existing = await tx.collection('files').get(id);
      if (existing) return existing.uploadedBy === openid ? existing : null;
      await tx.collection('files').insert({ id, ...record });
      await tx.collection('events').insert(fileUploadedEvent(id, openid, ctx.now(), name));
      return record;
    });
    // Recorded already by this caller: a retry answers the same; by someone else: not theirs to claim.
    if (!outcome) throw new AppError('FORBIDDEN', '该文件不是您上传的');
    return { id, name: outcome.name, url, sizeBytes: outcome.sizeBytes };
  },
});

/** The record, as a use of the file, when it names the file anywhere in its document; otherwise none. */
async function linkTo(url: string, ctx: HandlerContext): Promise<{ url: string; expiresAt: string | null }> {
  // The local cloud's route decides again on every fetch, so its own address is the link.
  if (LOCAL_FILE_PATH.test(url)) return { url, expiresAt: null };
  if (!ctx.fileLinks) throw new AppError('FILE_NOT_FOUND');
  const link = await ctx.fileLinks.temporaryUrl(url, FILE_LINK_SECONDS);
  if (!link) throw new AppError('FILE_NOT_FOUND');
  return { url: link, expiresAt: new Date(ctx.now().getTime() + FILE_LINK_SECONDS * 1000).toISOString() };
}

/** The request or case that carries the file and belongs to the resident who uploaded it, if any (a staff reply's file is not theirs). */
async function ownersRecordOf(store: Store, uploadId: string | null, uses: readonly FileUse[]): Promise<string | null> {
  const uploader = uploadId ? (await store.collection('files').get(uploadId))?.uploadedBy : undefined;
  if (!uploader) return null;
  for (const use of uses) {
    if (use.collection !== 'requests' && use.collection !== 'inquiries') continue;
    const record = await store.collection(use.collection).get(use.recordId);
    if (record?.ownerOpenid === uploader) return use.recordId;
  }
  return null;
}

async function usesNaming(store: Store, kind: FileRecordKind, id: string, url: string): Promise<FileUse[]> {
  const collection = COLLECTION_OF[kind];
  const record = await store.collection(collection).get(id);
  return record && uploadUrlsIn(record).has(url) ? [{ collection, recordId: id }] : [];
}

/** The storage folders a fresh upload may be in: this month and the last (UTC, as the phone names them). */
function recentMonths(now: Date): string[] {
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return [now.toISOString().slice(0, 7), previous.toISOString().slice(0, 7)];
}
