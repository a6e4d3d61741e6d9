import { AppError } from '../../shared/api/errors';
import { fileKindByName, type AttachmentFileKind } from '../../shared/files/attachment-files';
import { decideAccess, staff, type Caller } from '../../shared/staff/roles';
import type { Store } from './store/port';

/**
 * Who may upload, on both platforms: the people who attach files to notices and replies, a resident
 * while one of their requests awaits a supplement (Art. 30: the supplement may come with documents),
 * and any signed-in resident a photo (a question or complaint may come with up to nine, picked before
 * the case exists). The kind a name claims is checked against the bytes where the bytes are seen
 * (the local cloud); CloudBase's go from the phone to storage.
 */
const UPLOADERS = staff('publisher', 'handler');
const PHOTO_KINDS: readonly AttachmentFileKind[] = ['png', 'jpeg'];

export const UPLOAD_FORBIDDEN_MESSAGE = '咨询、投诉只能附上图片（PNG、JPEG）；其他附件只有信息发布和申请办理人员，或正在补正申请的申请人，可以上传';

/** Null when `caller` may upload a file called `name`; otherwise the refusal to answer. */
export async function uploadRefusal(store: Store, caller: Caller, name: string): Promise<AppError | null> {
  const access = decideAccess(UPLOADERS, caller);
  if (access === 'unauthenticated') return new AppError('UNAUTHENTICATED');
  if (access === 'allow' || PHOTO_KINDS.includes(fileKindByName(name) as AttachmentFileKind)) return null;
  return (await awaitsSupplement(store, caller.openid as string)) ? null : new AppError('FORBIDDEN', UPLOAD_FORBIDDEN_MESSAGE);
}

/** Whether one of the resident's own requests is waiting for their supplement. */
async function awaitsSupplement(store: Store, openid: string): Promise<boolean> {
  const { items } = await store
    .collection('requests')
    .find({ where: { ownerOpenid: openid, status: 'supplementRequested' }, orderBy: [['submittedAt', 'desc']], limit: 1, fields: ['status'] });
  return items.length > 0;
}
