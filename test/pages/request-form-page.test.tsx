/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import NewRequestPage from '../../miniprogram/requests/pages/new/index';
import { DRAFT_STORAGE_KEY, type RequestDraft } from '../../miniprogram/requests/request-draft';
import { NetworkError, setTransport } from '../../miniprogram/api/transport';
import { createCloudHarness, type CloudHarness } from '../support/cloud-harness';
import { VALID_RESIDENT_ID } from '../support/request-factories';
import { fillValidApplication } from '../support/request-form-steps';
import { recorded, resetTaro } from '../support/taro';

/**
 * The resident's new-request form over the real `requests` function and
 * SQLite: errors from the server's own schema beside each field, and a draft
 * that survives a failed call and a closed page, with one idempotency key.
 */
let cloud: CloudHarness;
const RESIDENT = 'resident-form-test';

beforeEach(async () => {
  cloud = await createCloudHarness();
  Taro.removeStorageSync(DRAFT_STORAGE_KEY);
  resetTaro();
  setTransport(cloud.transportAs(RESIDENT));
});
afterEach(() => {
  setTransport(null);
  cloud.close();
});

const type = (name: string, value: string) => fireEvent.change(screen.getByTestId(`input-${name}`), { target: { value } });
const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));
/** The error shown inside the field that holds input `name`. */
const errorBeside = (name: string) => screen.getByTestId(`input-${name}`).closest('.field')?.querySelector('.field__error')?.textContent ?? null;
const stored = (): RequestDraft => JSON.parse(Taro.getStorageSync(DRAFT_STORAGE_KEY) as string);

test('each step shows the schema\'s errors beside its own fields and goes no further', async () => {
  render(<NewRequestPage />);
  type('name', '陈晓明');
  type('idNumber', '330106199003071235'); // the right number with its check digit changed
  click('next-step');
  await waitFor(() => expect(errorBeside('idNumber')).toBe('身份证号码校验位不正确，请核对'));
  expect(errorBeside('name')).toBeNull();
  expect(screen.getByTestId('section-applicant')).toBeTruthy();
  expect(recorded.toasts).toContain('请检查标红的内容');

  type('idNumber', VALID_RESIDENT_ID);
  expect(errorBeside('idNumber')).toBeNull(); // cleared as soon as the field is touched
  click('next-step');
  await waitFor(() => screen.getByTestId('section-contact'));

  // Post needs an address; a bad phone number is named beside the phone.
  type('phone', '1381234');
  click('choice-delivery-post');
  click('next-step');
  await waitFor(() => expect(errorBeside('phone')).toBe('请填写 11 位手机号码'));
  expect(errorBeside('address')).toBe('选择邮寄时请填写通讯地址');

  // An organisation needs its kind and credit code instead of an ID number.
  click('prev-step');
  click('choice-applicantType-organization');
  type('creditCode', '91350100M000100Y4X');
  click('next-step');
  await waitFor(() => expect(errorBeside('creditCode')).toBe('统一社会信用代码校验位不正确，请核对'));
  expect(screen.queryByTestId('input-idNumber')).toBeNull();
  expect(await cloud.store.collection('requests').count({ ownerOpenid: RESIDENT })).toBe(0);
});

test('a failed submit keeps the draft and its key; reopening the page restores it; the retry files exactly one request', async () => {
  setTransport(async () => {
    throw new NetworkError();
  });
  const page = render(<NewRequestPage />);
  fillValidApplication();
  await waitFor(() => screen.getByTestId('section-review'));
  const key = stored().idempotencyKey;
  expect(key).toMatch(/^[0-9a-f]{32}$/);

  click('submit-request');
  await waitFor(() => expect(screen.getByTestId('submit-failure').textContent).toContain('网络不给力'));
  expect(screen.getByTestId('submit-failure').textContent).toContain('已保存');
  expect(stored()).toMatchObject({ idempotencyKey: key, name: '陈晓明', idNumber: VALID_RESIDENT_ID, phone: '13812345678', step: 3 });
  expect(await cloud.store.collection('requests').count({ ownerOpenid: RESIDENT })).toBe(0);

  // The resident closes the page and comes back later: everything is still there, on the last step.
  page.unmount();
  setTransport(cloud.transportAs(RESIDENT));
  render(<NewRequestPage />);
  const review = screen.getByTestId('section-review');
  expect(within(review).getByText('陈晓明')).toBeTruthy();
  expect(within(review).getByText('请公开青禾路旧改项目2025年的征收补偿方案。')).toBeTruthy();

  await act(async () => click('submit-request'));
  await waitFor(() => expect(recorded.navigations).toHaveLength(1));
  const all = (await cloud.store.collection('requests').find({ where: { ownerOpenid: RESIDENT }, orderBy: [['submittedAt', 'desc']], limit: 10 })).items;
  expect(all).toHaveLength(1);
  expect(recorded.navigations[0]).toBe(`/requests/pages/result/index?id=${encodeURIComponent(all[0].id)}`);
  // Filed: the next request starts blank, with a new key.
  expect(stored().idempotencyKey).not.toBe(key);
  expect(stored().name).toBe('');
});

test('a submit filed but its answer lost, then the draft edited: told the first was filed, with a link, and the edited draft gets a new key', async () => {
  // The first submit reaches the server and is filed; its answer never comes back.
  const real = cloud.transportAs(RESIDENT);
  let loseNextAnswer = true;
  setTransport(async (fn, event) => {
    const answer = await real(fn, event);
    if (loseNextAnswer && event.action === 'submit') {
      loseNextAnswer = false;
      throw new NetworkError();
    }
    return answer;
  });
  render(<NewRequestPage />);
  fillValidApplication();
  await waitFor(() => screen.getByTestId('section-review'));
  const key = stored().idempotencyKey;
  await act(async () => click('submit-request'));
  await waitFor(() => screen.getByTestId('submit-failure'));
  expect(await cloud.store.collection('requests').count({ ownerOpenid: RESIDENT })).toBe(1);

  // The resident edits the description and presses 提交 again: the same key with other content.
  click('prev-step');
  type('description', '请公开青禾路旧改项目2024年和2025年的征收补偿方案。');
  click('next-step');
  await waitFor(() => screen.getByTestId('section-review'));
  await act(async () => click('submit-request'));
  await waitFor(() => screen.getByTestId('earlier-filed'));
  expect(screen.getByTestId('earlier-filed').textContent).toContain('已成功提交');
  expect(screen.queryByTestId('submit-failure')).toBeNull();
  const fresh = stored().idempotencyKey;
  expect(fresh).not.toBe(key);
  expect(stored().description).toBe('请公开青禾路旧改项目2024年和2025年的征收补偿方案。');

  click('open-my-requests');
  expect(recorded.navigations).toEqual(['/requests/pages/mine/index']);

  // Submitting the edited draft now files it as a second request, under the new key.
  await act(async () => click('submit-request'));
  await waitFor(() => expect(recorded.navigations).toHaveLength(2));
  expect(await cloud.store.collection('requests').count({ ownerOpenid: RESIDENT })).toBe(2);
});
