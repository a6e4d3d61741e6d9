import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import type { WxOpenApi } from '../../cloudfunctions/_runtime/wx-open-api';
import { phoneNumberFromWeChat } from '../../cloudfunctions/me/wechat-phone-number';
import { AppError } from '../../shared/api/errors';
import { createCloudHarness } from '../support/cloud-harness';

/**
 * `me.phoneNumber`: the one-time code of WeChat's phone-number button exchanged on the server for the
 * number bound to the caller's account — on CloudBase through WeChat's `phonenumber.getPhoneNumber`;
 * in the local cloud (no WeChat) a plain PHONE_NUMBER_UNAVAILABLE that tells the resident to type it.
 */
const calls: Array<[string, Record<string, unknown>]> = [];
const api = (answer: Record<string, unknown> | Error): WxOpenApi => ({
  async call(name, data) {
    calls.push([name, data]);
    if (answer instanceof Error) throw answer;
    return answer;
  },
});
const onCloudBase = (wxOpenApi: WxOpenApi) => ({ platform: 'cloudbase' as const, wxOpenApi, log: silentLogger });
const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: unknown) => (e instanceof AppError ? e.code : String(e)));

beforeEach(() => {
  calls.length = 0;
});

test('on CloudBase the code is exchanged through phonenumber.getPhoneNumber for the pure number', async () => {
  const answer = { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '+86 13812345678', purePhoneNumber: '13812345678', countryCode: '86' } };
  expect(await phoneNumberFromWeChat('code-1', onCloudBase(api(answer)))).toBe('13812345678');
  expect(calls).toEqual([['phonenumber.getPhoneNumber', { code: 'code-1' }]]);
});

test('a refused code, a failed call or a number from abroad is PHONE_NUMBER_UNAVAILABLE, never a wrong number', async () => {
  expect(await codeOf(phoneNumberFromWeChat('used', onCloudBase(api({ errcode: 40029, errmsg: 'invalid code' }))))).toBe('PHONE_NUMBER_UNAVAILABLE');
  expect(await codeOf(phoneNumberFromWeChat('x', onCloudBase(api(new Error('timeout')))))).toBe('PHONE_NUMBER_UNAVAILABLE');
  const abroad = { errcode: 0, phone_info: { purePhoneNumber: '6591234567', countryCode: '65' } };
  expect(await codeOf(phoneNumberFromWeChat('x', onCloudBase(api(abroad))))).toBe('PHONE_NUMBER_UNAVAILABLE');
});

test('the local cloud answers PHONE_NUMBER_UNAVAILABLE saying to type the number; a malformed code is refused first', async () => {
  const cloud = await createCloudHarness();
  try {
    const local = await cloud.call('resident-a', 'me', { action: 'phoneNumber', data: { code: 'abc123' } });
    expect(local).toMatchObject({ ok: false, code: 'PHONE_NUMBER_UNAVAILABLE' });
    expect((local as { message: string }).message).toContain('直接填写');
    expect(await cloud.call('resident-a', 'me', { action: 'phoneNumber', data: { code: 'a b<script>' } })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await cloud.call(null, 'me', { action: 'phoneNumber', data: { code: 'abc123' } })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  } finally {
    cloud.close();
  }
});
