import type { HandlerContext } from '../_runtime/handler-context';
import { isValidScene, localOrigin, miniProgramCode } from '../_runtime/mini-program-code';
import { AppError } from '../../shared/api/errors';
import type { RatingQr } from '../../shared/ratings/ratings-types';

/**
 * Codes that open the rating page: a mini-program code on CloudBase, a QR of the H5 page locally
 * (see mini-program-code.ts). Its `scene` is `v=<visit code>` (10 characters) or `w=<window id>` (store
 * ids are 25 characters), within WeChat's 32; the rate page reads it back (shared/ratings/rate-link.ts).
 */
export const RATE_PAGE = 'rating/pages/rate/index';

export type QrSubject = { visitCode: string } | { windowId: string };

export function deepLinkOf(subject: QrSubject): { page: string; scene: string } {
  if ('visitCode' in subject) return { page: `${RATE_PAGE}?visit=${subject.visitCode}`, scene: `v=${subject.visitCode}` };
  return { page: `${RATE_PAGE}?window=${encodeURIComponent(subject.windowId)}`, scene: `w=${subject.windowId}` };
}

/** Where the code leads, without drawing it (drawing a PNG costs tens of milliseconds). */
export function ratingLink(subject: QrSubject, ctx: Pick<HandlerContext, 'platform'>, origin?: string): Omit<RatingQr, 'image'> {
  const { page, scene } = deepLinkOf(subject);
  if (!isValidScene(scene)) throw new AppError('QRCODE_FAILED', '窗口编号过长，无法生成小程序码');
  const link = ctx.platform === 'cloudbase' ? `/${page}` : `${localOrigin(origin)}/#/${page}`;
  return { page, scene, link };
}

export async function ratingQr(subject: QrSubject, ctx: HandlerContext, origin?: string): Promise<RatingQr> {
  const target = ratingLink(subject, ctx, origin);
  try {
    return { ...target, image: await miniProgramCode(target.scene, RATE_PAGE, ctx, origin) };
  } catch (error) {
    ctx.log.error('rating code could not be made', { error: String(error) });
    throw new AppError('QRCODE_FAILED');
  }
}
