import * as z from 'zod/mini';
import '../api/zod-messages';

/**
 * The bureau's seal (公章) as printed at the foot of its letters: a PNG with a transparent
 * background, uploaded by an admin on 告知书模板. It is kept with the bureau's settings (the
 * `meta` document `seal`), not among attachments: every letter of every applicant shows it and the
 * PDF of a letter is drawn with it on both platforms, so it is read with the settings rather than
 * through an attachment's per-record access rules. A call carries at most 64 KB, so the image is
 * limited to 40 KB — plenty for a 400 × 400 px seal in one colour.
 */
export const SEAL_MAX_BYTES = 40 * 1024;
/** The id of the `meta` document that holds the seal. */
export const SEAL_SETTINGS_ID = 'seal';

/** Every PNG starts with the same eight bytes; in base64 they read "iVBORw0KGgo". */
const PNG_BASE64_START = 'iVBORw0KGgo';

/** A base64 PNG's size in bytes, read from its length (4 characters carry 3 bytes). */
export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

export const SealPngSchema = z.string().check(z.refine((png) => base64Bytes(png) <= SEAL_MAX_BYTES, `公章图片不能超过 ${SEAL_MAX_BYTES / 1024} KB，请压缩后再上传`), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, '公章图片的内容无法读取，请重新选择'), z.refine((png) => png.length % 4 === 0, '公章图片的内容无法读取，请重新选择'), z.refine((png) => png.startsWith(PNG_BASE64_START), '公章图片须为 PNG 格式（透明背景）'));

/** `png: null` takes the seal off: letters then carry the bureau's name and date alone. */
export const SaveSealSchema = z.strictObject({
  version: z.number().check(z.int(), z.gte(0), z.lte(1_000_000)),
  png: z.nullable(SealPngSchema),
});

export interface SealView {
  /** The PNG in base64, or null while the bureau has none. */
  png: string | null;
  /** The settings document's version: 0 before the first save. */
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

/** How a page shows the seal image. */
export function sealDataUrl(png: string): string {
  return `data:image/png;base64,${png}`;
}
