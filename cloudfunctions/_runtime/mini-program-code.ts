import type { HandlerContext } from './handler-context';

/**
 * A code that opens `page` of the mini-program with `scene`, as a PNG data: URL. One thin adapter, two ends:
 * - CloudBase: WeChat's mini-program code (`wxacode.getUnlimited`), scanned by WeChat straight into the page,
 *   which reads `decodeURIComponent(query.scene)`;
 * - local cloud (no WeChat): a plain QR of the H5 app's same page with the same `?scene=`, so both builds
 *   open the page by one road.
 * `scene` is at most 32 visible characters (WeChat's limit); callers map what they link to a short code.
 */
export const SCENE_MAX_LENGTH = 32;
/** What WeChat allows in a scene: letters, digits and !#$&'()*+,/:;=?@-._~ (no %, so no URL-encoding). */
const SCENE_PATTERN = /^[A-Za-z0-9!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export function isValidScene(scene: string): boolean {
  return SCENE_PATTERN.test(scene);
}

/** Where the H5 app is served: the caller's own origin when it is one, else the configured one. */
export function localOrigin(origin: string | undefined): string {
  return origin ?? process.env.PUBLIC_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;
}

/** The H5 URL the local end's QR carries. */
export function localCodeLink(scene: string, page: string, origin: string | undefined): string {
  return `${localOrigin(origin)}/#/${page}?scene=${encodeURIComponent(scene)}`;
}

export async function miniProgramCode(
  scene: string,
  page: string,
  ctx: Pick<HandlerContext, 'platform' | 'wxOpenApi'>,
  origin?: string,
): Promise<string> {
  if (!isValidScene(scene)) throw new Error(`scene not allowed by WeChat: ${JSON.stringify(scene)}`);
  if (ctx.platform === 'cloudbase') {
    if (!ctx.wxOpenApi?.picture) throw new Error('no WeChat open API on this platform');
    // check_path false: the code can be made before the page is published (WeChat checks it at scan).
    const png = await ctx.wxOpenApi.picture('wxacode.getUnlimited', { scene, page, check_path: false, width: 430 });
    return `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  }
  const { toDataURL } = await import('qrcode');
  // Low error correction keeps the modules big enough to scan from a phone screen at arm's length.
  return toDataURL(localCodeLink(scene, page, origin), { errorCorrectionLevel: 'L', margin: 2, scale: 8 });
}
