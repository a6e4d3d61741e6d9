/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import MyRequestPage from '../../miniprogram/requests/pages/detail/index';
import SubscriptionsPage from '../../miniprogram/pages/subscriptions/index';
import { setTransport } from '../../miniprogram/api/transport';
import { templateFor } from '../../shared/notifications/subscribe-templates';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application } from '../support/request-factories';
import { resetTaro } from '../support/taro';

/**
 * One-time grants as the resident sees them in WeChat: how many sends are left per template on
 * 我的订阅, and the consent prompt again on a request still waiting for its answer once the reply
 * template has none left. Over the real functions and SQLite; WeChat's dialog is a stand-in.
 */
const taro = Taro as unknown as { requestSubscribeMessage?: (o: { tmplIds: string[] }) => Promise<Record<string, string>> };
const env = process.env.TARO_ENV;
const ME = 'resident-a';
let cloud: CloudHarness;
let asked: string[][];
/** Answers the page has had from subscriptions.topics. */
let topicsAnswered = 0;

beforeEach(async () => {
  cloud = await createCloudHarness();
  const transport = cloud.transportAs(ME);
  topicsAnswered = 0;
  setTransport(async (fn, event) => {
    const answer = await transport(fn, event);
    if (fn === 'subscriptions' && event.action === 'topics') topicsAnswered += 1;
    return answer;
  });
  process.env.TARO_ENV = 'weapp';
  asked = [];
  taro.requestSubscribeMessage = async ({ tmplIds }) => {
    asked.push(tmplIds);
    return Object.fromEntries(tmplIds.map((id) => [id, 'accept']));
  };
});
afterEach(() => {
  process.env.TARO_ENV = env;
  delete taro.requestSubscribeMessage;
  setTransport(null);
  cloud.close();
});

const accept = async (purpose: 'requestReplied' | 'supplementRequested') =>
  ok(await cloud.call(ME, 'subscriptions', { action: 'recordGrants', data: { grants: [{ templateId: templateFor(purpose)!.templateId, result: 'accept' }] } }));

test('我的订阅 shows how many sends are left for each one-time template', async () => {
  await accept('requestReplied');
  await accept('requestReplied');
  await accept('supplementRequested');
  resetTaro();
  render(<SubscriptionsPage />);
  await waitFor(() => expect(screen.getByTestId('grant-left-requestReplied').textContent).toContain('剩余 2 次'));
  expect(screen.getByTestId('grant-left-requestReplied').textContent).toContain('申请答复通知');
  expect(screen.getByTestId('grant-left-supplementRequested').textContent).toContain('剩余 1 次');
  expect(screen.getByTestId('grant-left-extended').textContent).toContain('剩余 0 次');
});

test('a request waiting for its answer asks again, from a tap, when no reply send is left; not once one is', async () => {
  const request = ok(await cloud.call(ME, 'requests', { action: 'submit', data: application() }));
  resetTaro({ id: request.id });
  const page = render(<MyRequestPage />);
  await screen.findByTestId('consent-prompt');
  fireEvent.click(screen.getByTestId('consent-ask'));
  // WeChat's dialog opens in the tap itself.
  expect(asked).toEqual([[templateFor('requestReplied')!.templateId, templateFor('supplementRequested')!.templateId, templateFor('extended')!.templateId]]);
  await waitFor(() => expect(screen.getByTestId('consent-result').textContent).toContain('已开启'));
  page.unmount();

  // One reply send is now left: the page does not ask.
  const before = topicsAnswered;
  render(<MyRequestPage />);
  await screen.findByTestId('my-request');
  await waitFor(() => expect(topicsAnswered).toBe(before + 1));
  await act(async () => undefined);
  expect(screen.queryByTestId('consent-prompt')).toBeNull();
});

test('an answered or withdrawn request does not ask', async () => {
  const request = ok(await cloud.call(ME, 'requests', { action: 'submit', data: application() }));
  ok(await cloud.call(ME, 'requests', { action: 'withdraw', data: { id: request.id, version: request.version } }));
  resetTaro({ id: request.id });
  render(<MyRequestPage />);
  await waitFor(() => expect(screen.getByTestId('ending').textContent).toContain('撤回'));
  expect(screen.queryByTestId('consent-prompt')).toBeNull();
});
