import { useEffect, useState } from 'react';
import { call } from '../../api/call';
import { canAskForConsent } from '../../requests/reply-notice-consent';
import { ReplyConsentPrompt } from './reply-consent-prompt';

/**
 * On a request still waiting for its answer: when the resident has no one-time
 * reply grant left (spent on an earlier message, or never given), the same
 * consent prompt as after submitting, so the reply can still reach them in
 * WeChat. Nothing outside WeChat (消息 has it anyway), after an answer, or when
 * the resident turned the template off (WeChat would not ask again).
 */
export function ReplyConsentAgain({ awaitingAnswer }: { awaitingAnswer: boolean }) {
  const wechat = canAskForConsent();
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    if (!awaitingAnswer || !wechat) return undefined;
    let live = true;
    call('subscriptions', 'topics', {})
      .then((view) => {
        const reply = view.grants.find((g) => g.purpose === 'requestReplied');
        if (live) setNeeded(!!reply && reply.remaining === 0 && !reply.banned);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [awaitingAnswer, wechat]);
  return awaitingAnswer && wechat && needed ? <ReplyConsentPrompt /> : null;
}
