import { DuplicateIdError, type Store } from '../_runtime/store/port';
import { WECHAT_RECORDED } from './records';
import type { WechatSender } from './wechat-sender';

/**
 * The local cloud's stand-in for WeChat: it records what would have been sent
 * (staff see it under 送达情况), keyed by delivery id so one delivery can
 * never be recorded twice. It answers like WeChat does, so the dispatcher's
 * rules run unchanged; `failWith` lets a developer make it answer an error.
 */
export function recordingSender(store: Store, now: () => Date, failWith?: (touser: string) => number | null): WechatSender {
  return {
    name: 'recorder',
    async send(message) {
      const errcode = failWith?.(message.touser) ?? 0;
      if (errcode !== 0) return { errcode, errmsg: 'simulated by the local recorder' };
      try {
        await store.collection(WECHAT_RECORDED).insert({
          id: message.deliveryId,
          deliveryId: message.deliveryId,
          subjectId: message.subjectId,
          touser: message.touser,
          templateId: message.templateId,
          page: message.page,
          data: message.data,
          at: now().toISOString(),
        });
      } catch (error) {
        if (!(error instanceof DuplicateIdError)) throw error;
      }
      return { errcode: 0, errmsg: 'ok' };
    },
  };
}
