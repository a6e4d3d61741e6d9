import { AppError } from '../../shared/api/errors';
import type { HandlerContext } from './handler-context';
import { uploadIdOf } from './upload-records';

/**
 * A resident may attach only files they uploaded through the app themselves. A record's owner may read
 * the files the record carries (file-access.ts), so a copied address — of a withdrawn notice's file, or
 * another resident's — attached to one's own request or inquiry would otherwise become readable again.
 *
 * The test is the same on both platforms: the upload's `files` record must name the caller. A CloudBase
 * fileID says nothing of who put it there (the phone writes `attachments/<month>/<random>.<ext>`, with no
 * OPENID in the path, and staff's notice files go to the same folders), so a fileID with no record at all
 * — a phone upload from before uploads were recorded, or a notice's file from then — cannot be told from
 * a copied one and is refused too: the resident picks the file again, which records it as theirs. A record
 * being removed (unattached-uploads.ts) is no longer anyone's to attach.
 */
export async function requireOwnUploads(ctx: HandlerContext, attachments: ReadonlyArray<{ url: string }>): Promise<void> {
  const problems: Record<string, string> = {};
  for (const [i, a] of attachments.entries()) {
    const id = uploadIdOf(a.url);
    if (!id) continue;
    const file = await ctx.store.collection('files').get(id);
    if (file?.uploadedBy === ctx.caller.openid && !file.removing) continue;
    // One answer whether or not a record exists, so the refusal does not tell which fileIDs are known.
    problems[`attachments.${i}.url`] = '只能附上通过本小程序上传的文件';
  }
  if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', undefined, problems);
}
