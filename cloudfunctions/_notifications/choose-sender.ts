import type { Store } from '../_runtime/store/port';
import type { WxOpenApi } from '../_runtime/wx-open-api';
import { recordingSender } from './recording-sender';
import { wechatSender, type WechatSender } from './wechat-sender';

/**
 * The sender by configuration: WeChat where WeChat can be reached (CloudBase
 * with its open-API handle), the recorder everywhere else. On CloudBase,
 * SUBSCRIBE_SENDER=recorder keeps a staging environment from messaging anyone.
 */
export function chooseSender(options: { platform: 'local' | 'cloudbase'; store: Store; now: () => Date; wxOpenApi?: WxOpenApi }): WechatSender {
  const forced = process.env.SUBSCRIBE_SENDER;
  if (options.platform === 'cloudbase' && options.wxOpenApi && forced !== 'recorder') return wechatSender(options.wxOpenApi);
  return recordingSender(options.store, options.now);
}
