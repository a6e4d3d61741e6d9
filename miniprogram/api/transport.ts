import Taro from '@tarojs/taro';
import type { Envelope } from '../../shared/api/errors';

/**
 * One transport, two ends:
 * - in WeChat, `Taro.cloud.callFunction` — the platform attaches the caller's
 *   OPENID, which is the only identity the functions trust;
 * - elsewhere (the H5 build, or a WeChat build pointed at LOCAL_CLOUD_URL),
 *   HTTP POST to the local cloud's `/api/<function>`.
 * Both resolve to the same envelope. Tests install their own transport.
 */
export type Transport = (fn: string, event: { action: string; data: unknown }) => Promise<Envelope<unknown>>;

/** Thrown by a transport when no answer came back at all (offline, timeout, DNS). */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super(cause instanceof Error ? cause.message : 'network failure');
    this.name = 'NetworkError';
  }
}

const DEV_TOKEN_KEY = 'sg-dev-session';
let current: Transport | null = null;

export function setTransport(transport: Transport | null): void {
  current = transport;
}

export function getTransport(): Transport {
  if (!current) current = defaultTransport();
  return current;
}

/** Called once at launch: in WeChat with CloudBase, the cloud SDK must be initialised first. */
export function initTransport(): void {
  if (usesWechatCloud()) Taro.cloud.init({ env: CLOUDBASE_ENV || undefined, traceUser: true });
  current = defaultTransport();
}

export function usesWechatCloud(): boolean {
  return process.env.TARO_ENV === 'weapp' && !LOCAL_CLOUD_URL;
}

function defaultTransport(): Transport {
  return usesWechatCloud() ? wechatCloudTransport : httpTransport(LOCAL_CLOUD_URL || '');
}

const wechatCloudTransport: Transport = async (fn, event) => {
  try {
    const response = await Taro.cloud.callFunction({ name: fn, data: event });
    return response.result as Envelope<unknown>;
  } catch (error) {
    throw new NetworkError(error);
  }
};

export function httpTransport(baseUrl: string): Transport {
  return async (fn, event) => {
    let response: Taro.request.SuccessCallbackResult<Envelope<unknown>>;
    try {
      response = await Taro.request({
        url: `${baseUrl}/api/${fn}`,
        method: 'POST',
        data: event,
        header: devSessionHeader(),
        timeout: 15000,
        credentials: 'same-origin',
      } as Taro.request.Option);
    } catch (error) {
      throw new NetworkError(error);
    }
    const body = response.data as Envelope<unknown> | undefined;
    if (!body || typeof body !== 'object' || !('ok' in body)) throw new NetworkError();
    return body;
  };
}

/** The local cloud's dev sign-in token, for builds without a cookie jar (WeChat pointed at a local cloud). */
function devSessionHeader(): Record<string, string> {
  const header: Record<string, string> = { 'content-type': 'application/json' };
  const token = storedDevSession();
  if (token) header['x-dev-session'] = token;
  return header;
}

export function storedDevSession(): string | null {
  try {
    const token = Taro.getStorageSync(DEV_TOKEN_KEY);
    return typeof token === 'string' && token ? token : null;
  } catch {
    // Storage can be unavailable (private mode); the cookie still works in H5.
    return null;
  }
}

export function rememberDevSession(token: string | null): void {
  if (token) Taro.setStorageSync(DEV_TOKEN_KEY, token);
  else Taro.removeStorageSync(DEV_TOKEN_KEY);
}

export function localCloudBaseUrl(): string {
  return LOCAL_CLOUD_URL || '';
}
