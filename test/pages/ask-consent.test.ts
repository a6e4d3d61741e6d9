import Taro from '@tarojs/taro';
import { askConsent } from '../../miniprogram/notifications/ask-consent';
import { setTransport } from '../../miniprogram/api/transport';
import { templateFor } from '../../shared/notifications/subscribe-templates';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';

/** WeChat's consent dialog, faked: what is asked, what is recorded, and the honest answer outside WeChat. */
let cloud: CloudHarness;
const env = process.env.TARO_ENV;
const taro = Taro as unknown as { requestSubscribeMessage?: jest.Mock };

beforeEach(async () => {
  cloud = await createCloudHarness();
  setTransport(cloud.transportAs('resident-a'));
  process.env.TARO_ENV = 'weapp';
});
afterEach(() => {
  process.env.TARO_ENV = env;
  delete taro.requestSubscribeMessage;
  setTransport(null);
  cloud.close();
});

const ids = (...purposes: Parameters<typeof templateFor>[0][]) => purposes.map((p) => templateFor(p)!.templateId);

test('one dialog with the three one-time templates; each answer is recorded, "filter" is not', async () => {
  const [replied, supplement, extended] = ids('requestReplied', 'supplementRequested', 'extended');
  taro.requestSubscribeMessage = jest.fn(async () => ({ errMsg: 'requestSubscribeMessage:ok', [replied]: 'accept', [supplement]: 'reject', [extended]: 'filter' }));
  const outcome = await askConsent(['requestReplied', 'supplementRequested', 'extended', 'bulletin']);
  // The long-term bulletin template may not share a dialog with one-time ones: only the first dialog is shown.
  expect(taro.requestSubscribeMessage).toHaveBeenCalledTimes(1);
  expect(taro.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(ids('bulletin'));
  expect(outcome).toMatchObject({ available: true, accepted: 0 });

  taro.requestSubscribeMessage.mockClear();
  const second = await askConsent(['requestReplied', 'supplementRequested', 'extended']);
  expect(taro.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual([replied, supplement, extended]);
  expect(second).toMatchObject({ available: true, accepted: 1 });
  const view = ok(await cloud.call('resident-a', 'subscriptions', { action: 'topics', data: {} }));
  expect(view.grants.filter((g: any) => g.remaining > 0).map((g: any) => g.templateId)).toEqual([replied]);
});

test('a refused dialog (e.g. subscribe messages switched off) records nothing', async () => {
  taro.requestSubscribeMessage = jest.fn(async () => {
    throw { errMsg: 'requestSubscribeMessage:fail', errCode: 20004 };
  });
  const outcome = await askConsent(['bulletin']);
  expect(outcome).toMatchObject({ available: true, accepted: 0, failed: expect.stringContaining('fail') });
  expect(await cloud.store.collection('grants').count()).toBe(0);
});

test('outside WeChat there is no dialog, and the answer says so', async () => {
  process.env.TARO_ENV = 'h5';
  taro.requestSubscribeMessage = jest.fn();
  expect(await askConsent(['bulletin'])).toEqual({ available: false });
  expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
});
