import Taro from '@tarojs/taro';
import type { GrantResult } from '../../shared/notifications/grants';
import type { SubscriptionsView } from '../../shared/notifications/notification-types';
import { consentDialogs, SUBSCRIBE_TEMPLATES, type TemplatePurpose } from '../../shared/notifications/subscribe-templates';
import { call } from '../api/call';

/**
 * Asks WeChat's consent for subscribe messages, and records the answers.
 *
 * WeChat only shows the dialog when it is called from a tap, so call this
 * first thing in a tap handler (before any await). One dialog holds at most
 * three templates of one kind (consentDialogs); only the first dialog is
 * shown, because a second call is no longer "from a tap".
 *
 * Outside WeChat (the H5 build) there is no such dialog: the answer says so,
 * and the page tells the resident that messages reach them in 消息 only.
 */
export type ConsentOutcome =
  | { available: false }
  | { available: true; accepted: number; view: SubscriptionsView | null; failed?: string };

export function consentAvailable(): boolean {
  return process.env.TARO_ENV === 'weapp' && typeof (Taro as { requestSubscribeMessage?: unknown }).requestSubscribeMessage === 'function';
}

export async function askConsent(purposes: TemplatePurpose[]): Promise<ConsentOutcome> {
  if (!consentAvailable()) return { available: false };
  const [dialog] = consentDialogs(SUBSCRIBE_TEMPLATES.filter((t) => purposes.includes(t.purpose)));
  if (!dialog) return { available: true, accepted: 0, view: null };
  const tmplIds = dialog.map((t) => t.templateId);
  let answer: Record<string, unknown>;
  try {
    answer = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>;
  } catch (error) {
    // e.g. 20004 (the resident turned off all subscribe messages in settings): nothing to record.
    return { available: true, accepted: 0, view: null, failed: String((error as { errMsg?: string })?.errMsg ?? error) };
  }
  const grants = tmplIds
    .map((templateId) => ({ templateId, result: answer[templateId] }))
    .filter((g): g is { templateId: string; result: GrantResult } => g.result === 'accept' || g.result === 'reject' || g.result === 'ban');
  if (!grants.length) return { available: true, accepted: 0, view: null };
  const view = await call('subscriptions', 'recordGrants', { grants });
  return { available: true, accepted: grants.filter((g) => g.result === 'accept').length, view };
}
