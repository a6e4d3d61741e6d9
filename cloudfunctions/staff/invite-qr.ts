import type { HandlerContext } from '../_runtime/handler-context';
import { localOrigin, miniProgramCode } from '../_runtime/mini-program-code';

/**
 * A picture of the invitation for the new clerk to scan, beside the code
 * itself. Best effort: the code typed in 加入工作人员 does the same, so a
 * QR that cannot be made is left out (and logged), never an error.
 * The code (mini-program-code.ts) opens the join page with `scene` = `j=<code>`.
 */
export const JOIN_PAGE = 'admin/pages/staff-join/index';

export interface InviteLink {
  link: string;
  qr: string | null;
}

export async function inviteQr(code: string, ctx: HandlerContext, origin?: string): Promise<InviteLink> {
  const link = ctx.platform === 'cloudbase' ? `/${JOIN_PAGE}?code=${code}` : `${localOrigin(origin)}/#/${JOIN_PAGE}?code=${code}`;
  try {
    return { link, qr: await miniProgramCode(`j=${code}`, JOIN_PAGE, ctx, origin) };
  } catch (error) {
    ctx.log.error('invite code could not be made', { error: String(error) });
    return { link, qr: null };
  }
}
