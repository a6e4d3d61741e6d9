import * as z from 'zod/mini';
import '../api/zod-messages';
import { withoutBidiControls } from '../api/bidi-controls';
import { ATTACHMENT_URL } from './attachment-files';

/** A file attached to a notice, a request, a supplement or a case. */
export const AttachmentSchema = z.strictObject({
  /** A file's name loses direction controls rather than being refused: it came from the phone's file, not from typing. */
  name: z.string().check(z.overwrite(withoutBidiControls), z.trim(), z.minLength(1), z.maxLength(100)),
  /**
   * A CloudBase fileID (cloud://…), an https URL, or a file uploaded to the
   * local cloud (/files/<id>, the id chosen by the server); never
   * javascript:, data:, a relative path or anything with `..` in it.
   */
  url: z.string().check(z.trim(), z.maxLength(500), z.regex(ATTACHMENT_URL, '附件须为上传的文件，或以 https:// 或 cloud:// 开头的地址')),
  sizeBytes: z.number().check(z.int(), z.gte(0), z.lte(50 * 1024 * 1024)),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
