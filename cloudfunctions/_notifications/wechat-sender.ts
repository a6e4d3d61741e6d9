import type { TemplateData } from '../../shared/notifications/template-fields';
import type { WxOpenApi } from '../_runtime/wx-open-api';

/**
 * Where subscribe messages go: WeChat on CloudBase, a recorder in the local
 * cloud (WeChat cannot be reached from here). One interface, chosen by
 * configuration (choose-sender.ts), as GOV.UK's email-alert-api puts its
 * Notify provider and its pseudo provider behind one.
 */
export interface OutgoingMessage {
  /** Our delivery id: the recorder keys on it, so recording twice is impossible. */
  deliveryId: string;
  subjectId: string;
  touser: string;
  templateId: string;
  page: string;
  data: TemplateData;
}

/** WeChat's answer: errcode 0 is success. A thrown error means no answer (network, timeout). */
export interface SendAnswer {
  errcode: number;
  errmsg: string;
}

export interface WechatSender {
  readonly name: 'wechat' | 'recorder';
  send(message: OutgoingMessage): Promise<SendAnswer>;
}

/** 'formal' in production; set SUBSCRIBE_MINIPROGRAM_STATE=trial or developer while testing in WeChat. */
function miniprogramState(): string {
  const state = process.env.SUBSCRIBE_MINIPROGRAM_STATE;
  return state === 'trial' || state === 'developer' ? state : 'formal';
}

/** The real sender: WeChat's subscribeMessage.send through CloudBase's open-API call. */
export function wechatSender(api: WxOpenApi): WechatSender {
  return {
    name: 'wechat',
    async send(message) {
      const answer = await api.call('subscribeMessage.send', {
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
        miniprogram_state: miniprogramState(),
        lang: 'zh_CN',
      });
      const errcode = typeof answer.errcode === 'number' ? answer.errcode : Number(answer.errcode ?? 0);
      // An answer we cannot read says nothing about whether WeChat sent it: treat it as no answer.
      if (!Number.isFinite(errcode)) throw new Error(`微信应答无法识别：${String(answer.errcode)}`);
      return { errcode, errmsg: String(answer.errmsg ?? '') };
    },
  };
}
