import Taro from '@tarojs/taro';
import { getTransport } from '../api/transport';

/**
 * Asking the resident, at the moment of intent (right after submitting, from
 * a tap: WeChat refuses the dialog otherwise), whether WeChat may tell them
 * when the bureau replies, asks for a supplement or extends the deadline.
 *
 * - In WeChat, `Taro.requestSubscribeMessage` shows the system dialog for the
 *   three one-time request templates (WeChat's limit per dialog is three).
 * - In the H5 build (the local cloud, a browser) the API does not exist:
 *   we say so plainly, and the reply still reaches 我的申请 and the message
 *   centre, which do not depend on WeChat.
 *
 * Seam: templates and grant records belong to the notifications feature
 * (issue 7). Its template ids are mirrored here and the grants go to its
 * `subscriptions.recordGrants` ({ grants: [{ templateId, result }] }) through
 * the raw transport, so this works whether or not that function has landed
 * (before it does, the call answers UNKNOWN_FUNCTION and `recorded` is false).
 * Once `miniprogram/notifications/ask-consent.ts` is in main, this module
 * becomes `askConsent(['requestReplied', 'supplementRequested', 'extended'])`.
 */
export const REQUEST_TEMPLATE_IDS = ['local-request-replied', 'local-request-supplement', 'local-request-extended'];

export type ConsentOutcome = 'accepted' | 'rejected' | 'unsupported' | 'failed';

export interface ConsentResult {
  outcome: ConsentOutcome;
  /** Whether the grants reached the server (false while recording is not available). */
  recorded: boolean;
}

type GrantResult = 'accept' | 'reject' | 'ban';
type SubscribeAnswer = Record<string, unknown>;

function subscribeApi(): ((options: { tmplIds: string[] }) => Promise<SubscribeAnswer>) | null {
  const api = (Taro as unknown as { requestSubscribeMessage?: unknown }).requestSubscribeMessage;
  if (process.env.TARO_ENV !== 'weapp' || typeof api !== 'function') return null;
  return (options) => (api as (o: { tmplIds: string[] }) => Promise<SubscribeAnswer>)(options);
}

export function canAskForConsent(): boolean {
  return subscribeApi() !== null;
}

/** Call first thing in a tap handler: the dialog is opened before any await. */
export async function askForReplyNotice(): Promise<ConsentResult> {
  const ask = subscribeApi();
  if (!ask) return { outcome: 'unsupported', recorded: false };
  let answer: SubscribeAnswer;
  try {
    answer = await ask({ tmplIds: REQUEST_TEMPLATE_IDS });
  } catch {
    // The resident closed the dialog, or turned subscribe messages off in WeChat's settings (20004).
    return { outcome: 'failed', recorded: false };
  }
  const grants = REQUEST_TEMPLATE_IDS.map((templateId) => ({ templateId, result: answer[templateId] })).filter(
    (g): g is { templateId: string; result: GrantResult } => g.result === 'accept' || g.result === 'reject' || g.result === 'ban',
  );
  const recorded = grants.length > 0 && (await recordGrants(grants));
  return { outcome: grants.some((g) => g.result === 'accept') ? 'accepted' : 'rejected', recorded };
}

/** Not typed through the contract on purpose: the subscriptions function belongs to another feature and may not be there yet. */
async function recordGrants(grants: Array<{ templateId: string; result: GrantResult }>): Promise<boolean> {
  try {
    const envelope = await getTransport()('subscriptions', { action: 'recordGrants', data: { grants } });
    return envelope.ok;
  } catch {
    return false;
  }
}
