import { AppError } from '../../shared/api/errors';
import { LOCAL_FILE_PATH } from '../../shared/files/attachment-files';
import type { HandlerContext } from './handler-context';

/**
 * A resident may attach only files they uploaded through the app themselves. The local cloud lets a
 * record's owner read the files the record carries (server/attachment-access.ts), so a copied link —
 * to a withdrawn notice's file, or another resident's — attached to one's own request or inquiry would
 * otherwise become readable again. CloudBase uploads (cloud://…) are the phone's own by construction:
 * the storage path is the app's and its permission lets only the creator write.
 */
export async function requireOwnUploads(ctx: HandlerContext, attachments: ReadonlyArray<{ url: string }>): Promise<void> {
  const problems: Record<string, string> = {};
  for (const [i, a] of attachments.entries()) {
    const local = LOCAL_FILE_PATH.exec(a.url);
    if (!local) continue;
    const file = await ctx.store.collection('files').get(local[1]);
    if (!file || file.uploadedBy !== ctx.caller.openid) problems[`attachments.${i}.url`] = '只能附上通过本小程序上传的文件';
  }
  if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', undefined, problems);
}
