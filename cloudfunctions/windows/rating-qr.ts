import type { HandlerContext } from '../_runtime/handler-context';
import { AppError } from '../../shared/api/errors';
import type { RatingQr } from '../../shared/ratings/ratings-types';

/**
 * QR codes that open the rating page. The same deep link either way:
 * - CloudBase: a mini-program code from `wxacode.getUnlimited`, its `scene`
 *   carrying `v=<visit code>` or `w=<window id>` (WeChat allows 32 characters);
 * - local cloud: a plain QR of the H5 app's URL, drawn by the `qrcode` package.
 */
export const RATE_PAGE = 'rating/pages/rate/index';

export type QrSubject = { visitCode: string } | { windowId: string };

export function deepLinkOf(subject: QrSubject): { page: string; scene: string } {
  if ('visitCode' in subject) return { page: `${RATE_PAGE}?visit=${subject.visitCode}`, scene: `v=${subject.visitCode}` };
  return { page: `${RATE_PAGE}?window=${encodeURIComponent(subject.windowId)}`, scene: `w=${subject.windowId}` };
}

/** Where the H5 app is served: the caller's own origin when it is one, else the configured one. */
function localOrigin(origin: string | undefined): string {
  return origin ?? process.env.PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;
}

/** Where the code leads, without drawing it (drawing a PNG costs tens of milliseconds). */
export function ratingLink(subject: QrSubject, ctx: Pick<HandlerContext, 'platform'>, origin?: string): Omit<RatingQr, 'image'> {
  const { page, scene } = deepLinkOf(subject);
  if (scene.length > 32) throw new AppError('QRCODE_FAILED', '窗口编号过长，无法生成小程序码');
  const link = ctx.platform === 'cloudbase' ? `/${page}` : `${localOrigin(origin)}/#/${page}`;
  return { page, scene, link };
}

export async function ratingQr(subject: QrSubject, ctx: HandlerContext, origin?: string): Promise<RatingQr> {
  const target = ratingLink(subject, ctx, origin);
  if (ctx.platform === 'cloudbase') return { ...target, image: await wxacode(target.scene, RATE_PAGE, ctx) };
  const { toDataURL } = await import('qrcode');
  // Low error correction keeps the modules big enough to scan from a phone screen at arm's length.
  const image = await toDataURL(target.link, { errorCorrectionLevel: 'L', margin: 2, scale: 8 });
  return { ...target, image };
}

/** Thin on purpose: one call to WeChat's open API through CloudBase, the PNG back as a data: URL. */
async function wxacode(scene: string, page: string, ctx: HandlerContext): Promise<string> {
  try {
    if (!ctx.wxOpenApi) throw new Error('no WeChat open API on this platform');
    // WeChat answers the image itself on success and a JSON { errcode, errmsg } on failure.
    const answer: unknown = await ctx.wxOpenApi.call('wxacode.getUnlimited', { scene, page, check_path: false, width: 430 });
    if (!(answer instanceof Uint8Array) || answer.length === 0) throw new Error(`wxacode refused: ${JSON.stringify(answer)}`);
    return `data:image/png;base64,${Buffer.from(answer).toString('base64')}`;
  } catch (error) {
    ctx.log.error('wxacode.getUnlimited failed', { error: String(error) });
    throw new AppError('QRCODE_FAILED');
  }
}
