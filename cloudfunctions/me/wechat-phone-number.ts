import { AppError } from '../../shared/api/errors';
import type { HandlerContext } from '../_runtime/handler-context';

/**
 * The number behind WeChat's phone-number button. The button gives the page a one-time code (the
 * page never sees the number itself); on CloudBase the function exchanges it through WeChat's
 * `phonenumber.getPhoneNumber`, which answers the number bound to the caller's WeChat account. The
 * number is only returned to fill the form: nothing is stored, and the resident may still change it.
 * The local cloud cannot reach WeChat (and the H5 app shows no such button): there, and whenever
 * WeChat refuses, the answer is PHONE_NUMBER_UNAVAILABLE and the resident types the number.
 */
export async function phoneNumberFromWeChat(code: string, ctx: Pick<HandlerContext, 'platform' | 'wxOpenApi' | 'log'>): Promise<string> {
  if (ctx.platform !== 'cloudbase' || !ctx.wxOpenApi) throw new AppError('PHONE_NUMBER_UNAVAILABLE', '本地环境不能获取微信手机号，请直接填写手机号码');
  let answer: Record<string, unknown>;
  try {
    answer = await ctx.wxOpenApi.call('phonenumber.getPhoneNumber', { code });
  } catch (error) {
    ctx.log.error('phonenumber.getPhoneNumber failed', { error: String(error) });
    throw new AppError('PHONE_NUMBER_UNAVAILABLE');
  }
  const info = answer.phone_info as { purePhoneNumber?: unknown; countryCode?: unknown } | undefined;
  const phone = typeof info?.purePhoneNumber === 'string' ? info.purePhoneNumber : '';
  // Only a mainland mobile number fits the application's 手机号码; anything else is typed by the resident.
  if (answer.errcode !== 0 || !/^1[3-9]\d{9}$/.test(phone)) {
    ctx.log.error('phonenumber.getPhoneNumber gave no usable number', { errcode: String(answer.errcode) });
    throw new AppError('PHONE_NUMBER_UNAVAILABLE');
  }
  return phone;
}
