import type { HandlerContext } from '../_runtime/handler-context';

/**
 * A picture of the invitation for the new clerk to scan, beside the code
 * itself. Best effort: the code typed in 加入工作人员 does the same, so a
 * QR that cannot be made is left out (and logged), never an error.
 * - CloudBase: a mini-program code (`wxacode.getUnlimited`) opening the join
 *   page with `scene` = `j=<code>` (WeChat allows 32 characters);
 * - local cloud: a plain QR of the H5 app's join link.
 */
export const JOIN_PAGE = 'admin/pages/staff-join/index';

export interface InviteLink {
  link: string;
  qr: string | null;
}

export async function inviteQr(code: string, ctx: HandlerContext, origin?: string): Promise<InviteLink> {
  if (ctx.platform === 'cloudbase') return { link: `/${JOIN_PAGE}?code=${code}`, qr: await wxacode(`j=${code}`, ctx) };
  const base = origin ?? process.env.PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;
  const link = `${base}/#/${JOIN_PAGE}?code=${code}`;
  try {
    const { toDataURL } = await import('qrcode');
    return { link, qr: await toDataURL(link, { errorCorrectionLevel: 'L', margin: 2, scale: 6 }) };
  } catch (error) {
    ctx.log.error('invite QR could not be drawn', { error: String(error) });
    return { link, qr: null };
  }
}

async function wxacode(scene: string, ctx: HandlerContext): Promise<string | null> {
  try {
    if (!ctx.wxOpenApi) throw new Error('no WeChat open API on this platform');
    const answer: unknown = await ctx.wxOpenApi.call('wxacode.getUnlimited', { scene, page: JOIN_PAGE, check_path: false, width: 430 });
    if (!(answer instanceof Uint8Array) || answer.length === 0) throw new Error(`wxacode refused: ${JSON.stringify(answer)}`);
    return `data:image/png;base64,${Buffer.from(answer).toString('base64')}`;
  } catch (error) {
    ctx.log.error('invite mini-program code failed', { error: String(error) });
    return null;
  }
}
