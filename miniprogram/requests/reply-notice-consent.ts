import Taro from '@tarojs/taro';
import { getTransport } from '../api/transport';

/**
 * Asking the resident, at the moment of intent (right after submitting, from
 * a tap: WeChat refuses the dialog otherwise), whether WeChat may tell them
 * when the bureau replies.
 *
 * - In WeChat, `Taro.requestSubscribeMessage` shows the system dialog for the
 *   reply template; each accepted template is one send the bureau may make.
 * - In the H5 build (the local cloud, a browser) the API does not exist:
 *   we say so plainly, and the reply still reaches the message centre (消息)
 *   and 我的申请, which do not depend on WeChat.
 *
 * Seam: the grant is recorded by the notifications feature's
 * `subscriptions.recordGrants` ({ grants: [{ templateId, result }] }). Until
 * that function is deployed the call answers UNKNOWN_FUNCTION and we report
 * 'unrecorded' instead of failing the resident's flow. The template id is
 * that feature's configuration; `REPLY_TEMPLATE_ID` below is where it plugs in.
 */
export const REPLY_TEMPLATE_ID = 'request-reply';

export type ConsentOutcome = 'accepted' | 'rejected' | 'unsupported' | 'failed';

export interface ConsentResult {
  outcome: ConsentOutcome;
  /** Whether the grant reached the server (false when recording is not available yet). */
  recorded: boolean;
}

type SubscribeAnswer = Record<string, string>;

function subscribeApi(): ((options: { tmplIds: string[] }) => Promise<SubscribeAnswer>) | null {
  const api = (Taro as unknown as { requestSubscribeMessage?: unknown }).requestSubscribeMessage;
  if (process.env.TARO_ENV !== 'weapp' || typeof api !== 'function') return null;
  return (options) => (api as (o: { tmplIds: string[] }) => Promise<SubscribeAnswer>)(options);
}

export function canAskForConsent(): boolean {
  return subscribeApi() !== null;
}

export async function askForReplyNotice(): Promise<ConsentResult> {
  const ask = subscribeApi();
  if (!ask) return { outcome: 'unsupported', recorded: false };
  let answer: SubscribeAnswer;
  try {
    answer = await ask({ tmplIds: [REPLY_TEMPLATE_ID] });
  } catch {
    // The resident closed the dialog, or has turned subscription messages off in WeChat settings.
    return { outcome: 'failed', recorded: false };
  }
  const result = answer[REPLY_TEMPLATE_ID];
  const grant = result === 'accept' ? 'accept' : result === 'ban' ? 'ban' : 'reject';
  const recorded = await recordGrant(grant);
  return { outcome: grant === 'accept' ? 'accepted' : 'rejected', recorded };
}

/** Not typed through the contract on purpose: the subscriptions function belongs to another feature and may not be there yet. */
async function recordGrant(result: 'accept' | 'reject' | 'ban'): Promise<boolean> {
  try {
    const envelope = await getTransport()('subscriptions', {
      action: 'recordGrants',
      data: { grants: [{ templateId: REPLY_TEMPLATE_ID, result }] },
    });
    return envelope.ok;
  } catch {
    return false;
  }
}
