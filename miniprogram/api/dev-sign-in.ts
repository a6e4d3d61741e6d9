import Taro from '@tarojs/taro';
import { localCloudBaseUrl, rememberDevSession, storedDevSession } from './transport';
import { ApiError, NETWORK_MESSAGE } from './call';

/** Local cloud only: become a chosen resident or staff member. WeChat builds never call this. */
export async function devSignIn(openid: string): Promise<void> {
  let response;
  try {
    response = await Taro.request({
      url: `${localCloudBaseUrl()}/dev/sign-in`,
      method: 'POST',
      data: { openid },
      header: { 'content-type': 'application/json' },
      credentials: 'same-origin',
    } as Taro.request.Option);
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_MESSAGE);
  }
  const body = response.data as { ok: boolean; data?: { token: string }; code?: string; message?: string; fields?: Record<string, string> };
  if (!body?.ok || !body.data) throw new ApiError('VALIDATION_FAILED', body?.fields?.openid ?? body?.message ?? '登录失败');
  rememberDevSession(body.data.token);
}

/** Ends the session on the server too (the local cloud revokes the token), then forgets it here. */
export async function devSignOut(): Promise<void> {
  const header: Record<string, string> = { 'content-type': 'application/json' };
  const token = storedDevSession();
  if (token) header['x-dev-session'] = token;
  await Taro.request({ url: `${localCloudBaseUrl()}/dev/sign-out`, method: 'POST', data: {}, header, credentials: 'same-origin' } as Taro.request.Option).catch(() => undefined);
  rememberDevSession(null);
}
