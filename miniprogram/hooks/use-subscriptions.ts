import { useCallback, useState } from 'react';
import type { Department } from '../../shared/api/common';
import type { NoticeKind } from '../../shared/notices/notice-kinds';
import type { SubscriptionsView } from '../../shared/notifications/notification-types';
import type { TemplatePurpose } from '../../shared/notifications/subscribe-templates';
import { call, messageOf } from '../api/call';
import { askConsent, consentAvailable, type ConsentOutcome } from '../notifications/ask-consent';
import { useRemote } from './use-remote';

export interface Topic {
  kind?: NoticeKind;
  departmentId?: string;
}

/**
 * 我的订阅's data: the resident's topics and grants, the departments to pick
 * from, and the two changes (toggle a topic, ask WeChat's consent). Both
 * start from a tap; WeChat's consent dialog is opened before anything is
 * awaited, as WeChat requires.
 */
export function useSubscriptions() {
  const view = useRemote(() => call('subscriptions', 'topics', {}), []);
  const departments = useRemote<Department[]>(() => call('directory', 'departments', {}), []);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const has = useCallback(
    (t: Topic) => !!view.data?.items.some((s) => s.kind === (t.kind ?? null) && s.departmentId === (t.departmentId ?? null)),
    [view.data],
  );
  const bulletinOn = !!view.data?.grants.some((g) => g.purpose === 'bulletin' && g.remaining > 0 && !g.banned);

  const toggle = useCallback(
    async (topic: Topic) => {
      if (busy) return;
      const subscribing = !has(topic);
      // The moment of intent: ask for WeChat's long-term bulletin consent in this very tap.
      const consent = subscribing && !bulletinOn ? askConsent(['bulletin']) : null;
      setBusy(true);
      setNotice(null);
      try {
        const next = await call('subscriptions', subscribing ? 'subscribe' : 'unsubscribe', topic);
        view.setData(next);
        const answer = consent ? await consent.catch(() => null) : null;
        if (answer?.available && answer.view) view.setData(answer.view);
        setNotice(subscribing ? subscribedMessage(answer) : '已取消订阅');
      } catch (e) {
        setNotice(messageOf(e));
      } finally {
        setBusy(false);
      }
    },
    [busy, has, bulletinOn, view],
  );

  const requestConsent = useCallback(
    async (purposes: TemplatePurpose[]) => {
      const pending = askConsent(purposes);
      try {
        const answer = await pending;
        if (answer.available && answer.view) view.setData(answer.view as SubscriptionsView);
        setNotice(answer.available ? (answer.accepted ? '已开启微信提醒' : '未开启微信提醒，消息仍会在「消息」中提醒您') : H5_NOTE);
      } catch (e) {
        setNotice(messageOf(e));
      }
    },
    [view],
  );

  return { view, departments, has, toggle, requestConsent, bulletinOn, busy, notice, wechat: consentAvailable() };
}

export const H5_NOTE = '微信订阅消息只能在微信小程序中开启；您订阅的信息都会在「消息」中提醒您。';

function subscribedMessage(answer: ConsentOutcome | null): string {
  if (!answer || !answer.available) return '订阅成功，新信息会在「消息」中提醒您';
  return answer.accepted ? '订阅成功，并已开启微信提醒' : '订阅成功；未开启微信提醒，新信息会在「消息」中提醒您';
}
