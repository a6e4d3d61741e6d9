import type { WxOpenApi } from './wx-open-api';

/**
 * Every call that leaves the function for another service has a deadline, so one slow or silent
 * service cannot hold a resident's call (or the timer's whole run) until the platform kills it:
 * - WeChat's open APIs (msgSecCheck, subscribeMessage.send, wxacode.getUnlimited):
 *   WX_OPEN_API_TIMEOUT_MS, both as the SDK's request timeout and as a race here, since an SDK
 *   timeout does not cover every way a call can hang;
 * - CloudBase's database and storage: CLOUDBASE_TIMEOUT_MS, the SDK's own timeout (tcb.init).
 * A call past its deadline fails with OutboundTimeoutError. For a subscribe message that is "no
 * answer": marked failed, never retried (send-delivery.ts), since WeChat may have sent it.
 * Functions that make these calls are given a platform timeout above these (config.json).
 */
export const WX_OPEN_API_TIMEOUT_MS = 5_000;
export const CLOUDBASE_TIMEOUT_MS = 10_000;

export class OutboundTimeoutError extends Error {
  constructor(readonly what: string, readonly ms: number) {
    super(`${what}: no answer within ${ms} ms`);
    this.name = 'OutboundTimeoutError';
  }
}

/** `work`, or OutboundTimeoutError once `ms` have passed without an answer. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OutboundTimeoutError(what, ms)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The same open API, each call with a deadline. */
export function timedWxOpenApi(api: WxOpenApi, ms: number = WX_OPEN_API_TIMEOUT_MS): WxOpenApi {
  const picture = api.picture?.bind(api);
  return {
    call: (apiName, requestData) => withTimeout(api.call(apiName, requestData), ms, `WeChat ${apiName}`),
    ...(picture ? { picture: (apiName: string, requestData: Record<string, unknown>) => withTimeout(picture(apiName, requestData), ms, `WeChat ${apiName}`) } : {}),
  };
}
