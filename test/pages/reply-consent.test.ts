import Taro from '@tarojs/taro';
import { NetworkError, setTransport } from '../../miniprogram/api/transport';
import { askForReplyNotice, canAskForConsent } from '../../miniprogram/requests/reply-notice-consent';

/**
 * The request pages' consent prompt over the notifications feature's
 * askConsent: WeChat's dialog for the three request templates when it exists,
 * a plain "unsupported" elsewhere, and the grants sent to subscriptions.recordGrants.
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
  expect(await askForReplyNotice()).toEqual({ outcome: 'unsupported', accepted: 0 });
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
  expect(await askForReplyNotice()).toEqual({ outcome: 'accepted', accepted: 1 });
  expect(asked).toEqual([['local-request-replied', 'local-request-supplement', 'local-request-extended']]);
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

test('a grant that could not be recorded is reported as such; a closed dialog is a failure, not a crash', async () => {
  process.env.TARO_ENV = 'weapp';
  taro.requestSubscribeMessage = async () => ({ 'local-request-replied': 'accept' });
  setTransport(async () => {
    throw new NetworkError();
  });
  expect(await askForReplyNotice()).toEqual({ outcome: 'unrecorded', accepted: 0 });

  taro.requestSubscribeMessage = async () => {
    throw { errMsg: 'requestSubscribeMessage:fail 20004' };
  };
  expect(await askForReplyNotice()).toEqual({ outcome: 'failed', accepted: 0 });
});
