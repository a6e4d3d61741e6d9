import Taro from '@tarojs/taro';
import { setTransport } from '../../miniprogram/api/transport';
import { askForReplyNotice, canAskForConsent, REQUEST_TEMPLATE_IDS } from '../../miniprogram/requests/reply-notice-consent';

/**
 * The subscribe-consent seam: WeChat's dialog when it exists, a plain
 * "unsupported" elsewhere, and the grants sent to subscriptions.recordGrants.
 */
const taro = Taro as unknown as { requestSubscribeMessage?: (o: { tmplIds: string[] }) => Promise<Record<string, string>> };
const env = process.env.TARO_ENV;
afterEach(() => {
  process.env.TARO_ENV = env;
  delete taro.requestSubscribeMessage;
  setTransport(null);
});

test('outside WeChat the prompt is unsupported and nothing is called', async () => {
  process.env.TARO_ENV = 'h5';
  const sent: unknown[] = [];
  setTransport(async (fn, event) => {
    sent.push({ fn, event });
    return { ok: true, data: null };
  });
  expect(canAskForConsent()).toBe(false);
  expect(await askForReplyNotice()).toEqual({ outcome: 'unsupported', recorded: false });
  expect(sent).toEqual([]);
});

test('in WeChat the three request templates are asked in one dialog and the answers recorded', async () => {
  process.env.TARO_ENV = 'weapp';
  const asked: string[][] = [];
  taro.requestSubscribeMessage = async ({ tmplIds }) => {
    asked.push(tmplIds);
    return { errMsg: 'requestSubscribeMessage:ok', 'local-request-replied': 'accept', 'local-request-supplement': 'reject', 'local-request-extended': 'ban' };
  };
  const sent: Array<{ fn: string; event: unknown }> = [];
  setTransport(async (fn, event) => {
    sent.push({ fn, event });
    return { ok: true, data: {} };
  });
  expect(await askForReplyNotice()).toEqual({ outcome: 'accepted', recorded: true });
  expect(asked).toEqual([REQUEST_TEMPLATE_IDS]);
  expect(sent).toEqual([
    {
      fn: 'subscriptions',
      event: {
        action: 'recordGrants',
        data: {
          grants: [
            { templateId: 'local-request-replied', result: 'accept' },
            { templateId: 'local-request-supplement', result: 'reject' },
            { templateId: 'local-request-extended', result: 'ban' },
          ],
        },
      },
    },
  ]);
});

test('before the subscriptions function exists the grant is reported unrecorded; a closed dialog is a failure, not a crash', async () => {
  process.env.TARO_ENV = 'weapp';
  taro.requestSubscribeMessage = async () => ({ 'local-request-replied': 'accept' });
  setTransport(async () => ({ ok: false, code: 'UNKNOWN_FUNCTION', message: '所请求的服务不存在' }));
  expect(await askForReplyNotice()).toEqual({ outcome: 'accepted', recorded: false });

  taro.requestSubscribeMessage = async () => {
    throw { errMsg: 'requestSubscribeMessage:fail 20004' };
  };
  expect(await askForReplyNotice()).toEqual({ outcome: 'failed', recorded: false });
});
