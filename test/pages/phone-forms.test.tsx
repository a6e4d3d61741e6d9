/** @jest-environment jsdom */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Taro from '@tarojs/taro';
import ApplicantProfilePage from '../../miniprogram/requests/pages/applicant/index';
import NewRequestPage from '../../miniprogram/requests/pages/new/index';
import EnterRequestPage from '../../miniprogram/admin/pages/request-enter/index';
import EnterCasePage from '../../miniprogram/admin/pages/inquiry-enter/index';
import CalendarPage from '../../miniprogram/admin/pages/calendar/index';
import AuditPage from '../../miniprogram/admin/pages/audit/index';
import AdminRequestPage from '../../miniprogram/admin/pages/request/index';
import { PhoneField } from '../../miniprogram/components/requests/phone-field';
import { APPLICANT_PROFILE_KEY } from '../../miniprogram/requests/applicant-profile';
import { DRAFT_STORAGE_KEY } from '../../miniprogram/requests/request-draft';
import { setTransport } from '../../miniprogram/api/transport';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { application, VALID_CREDIT_CODE, VALID_RESIDENT_ID } from '../support/request-factories';
import { fillValidApplication } from '../support/request-form-steps';
import { recorded, resetTaro } from '../support/taro';
import { beijingToday } from '../../shared/time/beijing-time';

/**
 * Forms for a phone: the applicant's details saved once on 申请人信息 (masked once saved) and filled
 * into the application; the ID keyboard and the digit pad; WeChat's phone-number button only in
 * WeChat; every date picked from a calendar in resident and staff forms, none asking for
 * "YYYY-MM-DD"; a busy button keeping its words.
 */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));
const RESIDENT = 'resident-phone-forms';

beforeEach(() => {
  Taro.removeStorageSync(APPLICANT_PROFILE_KEY);
  Taro.removeStorageSync(DRAFT_STORAGE_KEY);
  resetTaro();
});

const type = (name: string, value: string) => fireEvent.change(screen.getByTestId(`input-${name}`), { target: { value } });
const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));
const errorBeside = (name: string) => screen.getByTestId(`input-${name}`).closest('.field')?.querySelector('.field__error')?.textContent ?? null;

test('申请人信息: checked like an application, saved on the phone, shown masked, edited and deleted', async () => {
  render(<ApplicantProfilePage />);
  type('name', '陈晓明');
  type('idNumber', '330106199003071235'); // check digit wrong
  type('phone', '1381234');
  click('applicant-profile-save');
  expect(errorBeside('idNumber')).toBe('身份证号码校验位不正确，请核对');
  expect(errorBeside('phone')).toBe('请填写 11 位手机号码');
  expect(Taro.getStorageSync(APPLICANT_PROFILE_KEY)).toBe('');

  type('idNumber', VALID_RESIDENT_ID);
  type('phone', '13812345678');
  type('email', 'chenxm@example.com');
  type('address', '云溪市人民路100号3幢201室');
  click('applicant-profile-save');
  await waitFor(() => screen.getByTestId('applicant-profile-saved'));
  const shown = screen.getAllByTestId('applicant-profile-value').map((v) => v.textContent);
  expect(shown).toEqual(['自然人', '陈**', '330************236', '138****5678', 'c***@example.com', '云溪市人民****']);
  // Nothing in full on the screen once saved.
  expect(document.body.textContent).not.toContain(VALID_RESIDENT_ID);
  expect(document.body.textContent).not.toContain('13812345678');

  // Saved: a fresh visit shows it masked, and 修改 opens it in full.
  cleanup();
  render(<ApplicantProfilePage />);
  click('applicant-profile-edit');
  expect((screen.getByTestId('input-idNumber') as HTMLInputElement).value).toBe(VALID_RESIDENT_ID);
  click('choice-applicantType-organization');
  type('name', '云溪律师事务所');
  type('creditCode', VALID_CREDIT_CODE);
  click('applicant-profile-save');
  await waitFor(() => screen.getByTestId('applicant-profile-saved'));
  expect(JSON.parse(Taro.getStorageSync(APPLICANT_PROFILE_KEY) as string)).toMatchObject({ applicantType: 'organization', name: '云溪律师事务所', phone: '13812345678' });

  click('applicant-profile-delete');
  await waitFor(() => screen.getByTestId('applicant-profile-form'));
  expect(recorded.modals[0]?.title).toBe('删除申请人信息');
  expect(Taro.getStorageSync(APPLICANT_PROFILE_KEY)).toBe('');
});

test('the application starts from the saved details; 保存申请人信息 keeps what was submitted for next time', async () => {
  setTransport(cloud.transportAs(RESIDENT));
  render(<NewRequestPage />);
  // Nothing saved yet: a blank form, and keeping the details is left to the resident.
  expect((screen.getByTestId('input-name') as HTMLInputElement).value).toBe('');
  fillValidApplication();
  const remember = screen.getByTestId('remember-applicant');
  expect(remember.getAttribute('role')).toBe('checkbox');
  expect(remember.getAttribute('aria-checked')).toBe('false');
  click('remember-applicant');
  expect(remember.getAttribute('aria-checked')).toBe('true');
  await act(async () => click('submit-request'));
  await waitFor(() => expect(recorded.navigations.some((u) => u.startsWith('/requests/pages/result/index'))).toBe(true));
  expect(JSON.parse(Taro.getStorageSync(APPLICANT_PROFILE_KEY) as string)).toMatchObject({ name: '陈晓明', idNumber: VALID_RESIDENT_ID, phone: '13812345678' });

  // The next application is filled in from them.
  cleanup();
  render(<NewRequestPage />);
  expect(screen.getByTestId('profile-filled')).toBeTruthy();
  expect((screen.getByTestId('input-name') as HTMLInputElement).value).toBe('陈晓明');
  expect((screen.getByTestId('input-idNumber') as HTMLInputElement).value).toBe(VALID_RESIDENT_ID);
  click('next-step');
  expect((screen.getByTestId('input-phone') as HTMLInputElement).value).toBe('13812345678');
});

test('keyboards: the ID keyboard for an ID card number, the digit pad for phones and counts', () => {
  render(<NewRequestPage />);
  expect(screen.getByTestId('input-idNumber').getAttribute('type')).toBe('idcard');
  click('choice-idType-passport');
  // A passport number has letters: the ordinary keyboard.
  expect(screen.getByTestId('input-idNumber').getAttribute('type')).toBeNull();
  type('name', '陈晓明');
  type('idNumber', 'E12345678');
  click('next-step');
  expect(screen.getByTestId('input-phone').getAttribute('type')).toBe('number');
});

test('WeChat\'s phone-number button is offered in WeChat only, never in the browser build', () => {
  const before = process.env.TARO_ENV;
  try {
    process.env.TARO_ENV = 'h5';
    render(<PhoneField name="phone" label="手机号码" value="" onChange={() => undefined} />);
    expect(screen.queryByTestId('wechat-phone-phone')).toBeNull();
    cleanup();
    process.env.TARO_ENV = 'weapp';
    render(<PhoneField name="phone" label="手机号码" value="" onChange={() => undefined} />);
    expect(screen.getByTestId('wechat-phone-phone').getAttribute('data-open-type')).toBe('getPhoneNumber');
    expect(screen.getByTestId('wechat-phone-phone').textContent).toBe('使用微信绑定的手机号');
  } finally {
    process.env.TARO_ENV = before;
  }
});

/** Every date field on a page is a date picker; no label, placeholder or text asks for YYYY-MM-DD. */
function expectPickedDates(container: HTMLElement, names: string[]) {
  for (const name of names) expect([name, screen.getByTestId(`input-${name}`).getAttribute('data-mode')]).toEqual([name, 'date']);
  expect(container.textContent).not.toMatch(/YYYY|MM-DD/);
  for (const el of Array.from(container.querySelectorAll('[placeholder]'))) expect(el.getAttribute('placeholder')).not.toMatch(/YYYY|\d{4}-\d{2}-\d{2}/);
}

test('staff forms: every date is picked from a calendar (entry of a paper application, a call, the calendar, the audit filters)', async () => {
  setTransport(cloud.transportAs('demo-admin'));
  let view = render(<EnterRequestPage />);
  expectPickedDates(view.container, ['receivedOn']);
  cleanup();
  view = render(<EnterCasePage />);
  expectPickedDates(view.container, ['contactedOn']);
  expect(screen.getByTestId('input-contactedTime').getAttribute('data-mode')).toBe('time');
  cleanup();
  view = render(<CalendarPage />);
  await waitFor(() => screen.getByTestId('save-day'));
  expectPickedDates(view.container, ['dayDate']);
  cleanup();
  view = render(<AuditPage />);
  expectPickedDates(view.container, ['audit-from', 'audit-to']);
});

test('a clerk\'s request page: received-on and paid-on days are picked, and a picked day is what is sent', async () => {
  const submitted = ok(await cloud.call(RESIDENT, 'requests', { action: 'submit', data: application() }));
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id: submitted.id });
  const view = render(<AdminRequestPage />);
  await waitFor(() => screen.getByTestId('do-register'));
  expectPickedDates(view.container, ['receivedOn']);
  const picker = screen.getByTestId('input-receivedOn');
  // Nothing picked: the field says the default, and nobody types a format.
  expect(picker.textContent).toContain('默认今天');
  // The day it was submitted (the earliest a receipt may be), in Beijing.
  const day = beijingToday(cloud.clock.now);
  fireEvent.change(picker.querySelector('input')!, { target: { value: day } });
  await waitFor(() => expect(picker.textContent).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/));
  await act(async () => click('do-register'));
  await waitFor(async () => expect((await cloud.store.collection('requests').get(submitted.id))?.receivedOn).toBe(day));
});

test('no button trades its label for a progress word while busy', () => {
  // A disabled button that says something else reads as another button; progress is said beside it.
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.tsx')) files.push(path);
    }
  };
  walk('miniprogram');
  const swapped = files.filter((f) => /<Button[^>]*>\s*\{\s*[\w.]*(busy|sending|loading|asking|saving)[\w.]*\s*\?\s*'[^']*'\s*:\s*'[^']*'\s*\}/.test(readFileSync(f, 'utf8')));
  expect(swapped).toEqual([]);
});
