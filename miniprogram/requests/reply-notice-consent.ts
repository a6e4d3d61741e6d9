import { askConsent, consentAvailable } from '../notifications/ask-consent';
import type { TemplatePurpose } from '../../shared/notifications/subscribe-templates';

/**
 * Asking the resident, at the moment of intent (right after submitting, from
 * a tap: WeChat refuses the dialog otherwise), whether WeChat may tell them
 * when the bureau replies, asks for a supplement or extends the deadline:
 * the three one-time request templates, one dialog (WeChat's limit is three).
 *
 * The dialog and the grant records are the notifications feature's
 * (`askConsent` → `subscriptions.recordGrants`); this module only says what
 * the request pages need to tell the resident. In the H5 build there is no
 * WeChat dialog: the answer is 'unsupported' and the page says the reply will
 * be in 我的申请 and 消息 instead.
 */
export const REQUEST_PURPOSES: TemplatePurpose[] = ['requestReplied', 'supplementRequested', 'extended'];

export type ConsentOutcome = 'accepted' | 'rejected' | 'unsupported' | 'failed' | 'unrecorded';

export interface ConsentResult {
  outcome: ConsentOutcome;
  /** How many of the three the resident accepted (each allows one message). */
  accepted: number;
}

export function canAskForConsent(): boolean {
  return consentAvailable();
}

/** Call first thing in a tap handler: `askConsent` opens the dialog before any await. */
export async function askForReplyNotice(): Promise<ConsentResult> {
  try {
    const answer = await askConsent(REQUEST_PURPOSES);
    if (!answer.available) return { outcome: 'unsupported', accepted: 0 };
    if (answer.failed) return { outcome: 'failed', accepted: 0 };
    return { outcome: answer.accepted > 0 ? 'accepted' : 'rejected', accepted: answer.accepted };
  } catch {
    // The resident answered, but recording the grants failed (network): WeChat will not be allowed to send.
    return { outcome: 'unrecorded', accepted: 0 };
  }
}
