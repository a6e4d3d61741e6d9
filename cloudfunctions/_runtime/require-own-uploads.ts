import { AppError } from '../../shared/api/errors';
import { LOCAL_FILE_PATH } from '../../shared/files/attachment-files';
import type { HandlerContext } from './handler-context';
import { uploadIdOf } from './upload-records';

/**
 * A resident may attach only files they uploaded through the app themselves. A record's owner may read
 * the files the record carries (file-access.ts), so a copied address — of a withdrawn notice's file, or
 * another resident's — attached to one's own request or inquiry would otherwise become readable again.
 * A local upload must be recorded as the caller's. A CloudBase fileID recorded as someone else's upload
 * (files.upload: staff's notice attachments, another resident's photos) is refused the same way; one
 * with no record at all is a phone upload made before uploads were recorded, and passes.
 */
export async function requireOwnUploads(ctx: HandlerContext, attachments: ReadonlyArray<{ url: string }>): Promise<void> {
  const problems: Record<string, string> = {};
  for (const [i, a] of attachments.entries()) {
    const id = uploadIdOf(a.url);
    if (!id) continue;
    const file = await ctx.store.collection('files').get(id);
    const theirs = file?.uploadedBy === ctx.caller.openid;
    const refused = LOCAL_FILE_PATH.test(a.url) ? !theirs : file !== null && !theirs;
    if (refused) problems[`attachments.${i}.url`] = '只能附上通过本小程序上传的文件';
  }
  if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', undefined, problems);
}
