/** @jest-environment jsdom */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { registerPrivacyAuthorization } from '../../miniprogram/privacy/privacy-authorization';
import { PrivacyPopup } from '../../miniprogram/privacy/privacy-popup';
import { resetTaro } from '../support/taro';

/**
 * WeChat's privacy consent (`__usePrivacyCheck__`): when the first privacy API pauses, the popup on the
 * page shows itself, tells WeChat it was shown, and its agree button (open-type
 * agreePrivacyAuthorization) lets the paused call go on; a page without the popup sends the resident to
 * the 隐私政策 page; the home page asks as it opens, before any privacy API.
 */
type Resolve = (option: { event: string; buttonId?: string }) => void;
const taro = Taro as unknown as { onNeedPrivacyAuthorization?: (cb: (resolve: Resolve) => void) => void; getPrivacySetting?: (o: { success: (r: { needAuthorization: boolean }) => void }) => void };
const env = process.env.TARO_ENV;
let needAuthorization: ((resolve: Resolve) => void) | null = null;
const onNoPopup = jest.fn();

beforeAll(() => {
  process.env.TARO_ENV = 'weapp';
  taro.onNeedPrivacyAuthorization = (cb) => void (needAuthorization = cb);
  registerPrivacyAuthorization(onNoPopup);
});
afterAll(() => {
  process.env.TARO_ENV = env;
  delete taro.onNeedPrivacyAuthorization;
  delete taro.getPrivacySetting;
});
beforeEach(() => resetTaro({}));

test('a paused privacy API brings up the popup; 同意 (agreePrivacyAuthorization) lets it go on', async () => {
  const { unmount } = render(<PrivacyPopup />);
  expect(screen.queryByTestId('privacy-popup')).toBeNull();
  const resolve = jest.fn();
  act(() => needAuthorization!(resolve));
  const agree = await screen.findByTestId('privacy-agree');
  expect(agree.getAttribute('data-open-type')).toBe('agreePrivacyAuthorization');
  expect(screen.getByTestId('privacy-popup').textContent).toContain('隐私政策');
  expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' });
  fireEvent.click(agree);
  expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: agree.id });
  await waitFor(() => expect(screen.queryByTestId('privacy-popup')).toBeNull());
  expect(onNoPopup).not.toHaveBeenCalled();
  unmount();
});

test('不同意 fails the paused call; on a page without the popup the resident is sent to the 隐私政策 page', async () => {
  const { unmount } = render(<PrivacyPopup />);
  const resolve = jest.fn();
  act(() => needAuthorization!(resolve));
  fireEvent.click(await screen.findByTestId('privacy-decline'));
  expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
  unmount();
  needAuthorization!(jest.fn());
  expect(onNoPopup).toHaveBeenCalledTimes(1);
});

test('with askOnOpen (the home page) it asks as the page opens while consent is still needed, before any privacy API', async () => {
  taro.getPrivacySetting = ({ success }) => success({ needAuthorization: true });
  render(<PrivacyPopup askOnOpen />);
  expect(await screen.findByTestId('privacy-agree')).toBeTruthy();
});

test('every form that collects personal data (it shows the 隐私政策 notice) also carries the popup, so consent is asked there', () => {
  const root = join(__dirname, '../../miniprogram');
  const pages = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /pages\/.*\.tsx$/.test(f));
  const forms = pages.filter((f) => readFileSync(join(root, f), 'utf8').includes('<PrivacyNotice'));
  expect(forms.length).toBeGreaterThanOrEqual(5);
  expect(forms.filter((f) => !readFileSync(join(root, f), 'utf8').includes('<PrivacyPopup'))).toEqual([]);
});
