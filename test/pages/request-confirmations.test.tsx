/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import AdminRequestPage from '../../miniprogram/admin/pages/request/index';
import { setTransport } from '../../miniprogram/api/transport';
import { loadReviewSettings, saveReviewSettings } from '../../cloudfunctions/reviews/review-settings';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { application } from '../support/request-factories';
import { openAction } from '../support/request-page-actions';
import { recorded, resetTaro } from '../support/taro';

/**
 * Every act on a request that cannot be taken back asks first, saying what will happen and to whom:
 * on 再看看 nothing is sent, on 确认 it is. Over the real functions and SQLite.
 */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

const stored = async (id: string) => (await cloud.store.collection('requests').get(id))!;

/** An online application by 陈晓明, registered by the clerk. */
async function registered(): Promise<{ id: string; version: number }> {
  const request = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
  return ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: request.id, version: request.version } }));
}

async function openPage(id: string) {
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id });
  render(<AdminRequestPage />);
  await waitFor(() => screen.getByTestId('request-actions'));
}

/** Types into a field; a date is picked, so its picker's stand-in (a date input inside the field) answers it. */
const type = (name: string, value: string) => {
  const field = screen.getByTestId(`input-${name}`);
  fireEvent.change(field.matches('input, textarea') ? field : (field.querySelector('input') as HTMLElement), { target: { value } });
};

/**
 * Presses the act's button with 再看看 as the answer: the confirmation says `says`, and the request is
 * as it was. Then confirms, and waits until `sent` (by default: the request changed).
 */
async function cancelThenConfirm(id: string, command: string, says: RegExp[], sent?: () => Promise<boolean>): Promise<void> {
  const before = (await stored(id)).version;
  const reviews = async () => (await cloud.store.collection('reviews').find({ where: { subjectId: id }, orderBy: [['submittedAt', 'asc']], limit: 50 })).items.length;
  const reviewsBefore = await reviews();
  recorded.modalAnswer = false;
  fireEvent.click(screen.getByTestId(`do-${command}`));
  await waitFor(() => expect(recorded.modals).toHaveLength(1));
  for (const s of says) expect(recorded.modals[0].content).toMatch(s);
  // Nothing was sent: no call reached the server after the dialog (the version is the same a moment later).
  await new Promise((r) => setTimeout(r, 20));
  expect((await stored(id)).version).toBe(before);
  expect(await reviews()).toBe(reviewsBefore);
  recorded.modalAnswer = true;
  fireEvent.click(screen.getByTestId(`do-${command}`));
  await waitFor(() => expect(recorded.modals).toHaveLength(2));
  const done = sent ?? (async () => (await stored(id)).version > before);
  await waitFor(async () => expect(await done()).toBe(true));
}

test('a registered request shows its facts and one form, 作出答复; the other acts are behind 其他操作', async () => {
  const request = await registered();
  await openPage(request.id);
  expect(screen.getByTestId('shown-action-heading').textContent).toBe('下一步');
  expect(document.querySelectorAll('[data-testid^="action-"]')).toHaveLength(1);
  screen.getByTestId('action-reply');
  expect(screen.queryByTestId('action-menu')).toBeNull();
  fireEvent.click(screen.getByTestId('more-actions'));
  const menu = screen.getByTestId('action-menu').textContent ?? '';
  for (const title of ['告知补正', '延长答复期限', '终止办理', '转交承办部门', '收费通知']) expect(menu).toContain(title);
  fireEvent.click(screen.getByTestId('open-extend'));
  // Still one form: the one chosen, and 作出答复 is back in the menu as the suggested step.
  expect(document.querySelectorAll('[data-testid^="action-"]')).toHaveLength(1);
  screen.getByTestId('action-extend');
  expect(screen.getByTestId('shown-action-heading').textContent).toBe('所选操作');
  fireEvent.click(screen.getByTestId('more-actions'));
  expect(screen.getByTestId('open-reply').textContent).toContain('（建议）');
});

test('作出答复: the confirmation names the letter, the applicant and that it cannot be taken back', async () => {
  const request = await registered();
  await openPage(request.id);
  type('replyText', '经审查，现向您提供该招标文件。');
  await cancelThenConfirm(request.id, 'reply', [/陈晓明/, /《政府信息公开申请答复告知书》/, /不能撤回/, /小程序中收到消息/]);
  expect(recorded.modals[0].title).toBe('确认作出答复');
  expect(await stored(request.id)).toMatchObject({ status: 'replied' });
});

test('作出答复 where replies wait for 公开审查: the confirmation says who reviews it and that the applicant hears nothing yet', async () => {
  const settings = await loadReviewSettings(cloud.store);
  await saveReviewSettings(cloud.store, 'demo-admin', new Date(), settings.version, ['request.reply']);
  const request = await registered();
  await openPage(request.id);
  type('replyText', '经审查，现向您提供该招标文件。');
  // Submitting for review leaves the request alone: what is sent is a review item.
  const submitted = async () => (await cloud.store.collection('reviews').find({ where: { subjectId: request.id }, orderBy: [['submittedAt', 'asc']], limit: 50 })).items.length > 0;
  await cancelThenConfirm(request.id, 'reply', [/提交孙静/, /审核通过后才向申请人陈晓明发出/, /申请人暂不会收到任何消息/], submitted);
  expect(recorded.modals[0].title).toBe('提交答复审核');
  expect(recorded.modals[0].content).not.toContain('李华'); // never the clerk themself
  await waitFor(() => expect(recorded.toasts).toContain('已提交审核'));
  expect(await stored(request.id)).toMatchObject({ status: 'registered', reply: null });
});

test('终止办理: cancel sends nothing, confirm closes with the 终止处理告知书', async () => {
  const request = await registered();
  await openPage(request.id);
  await openAction('close');
  fireEvent.click(screen.getByTestId('choice-closeCategory-other.other'));
  type('basis', '第三十九条第二款');
  type('closeReason', '申请人来电撤回。');
  await cancelThenConfirm(request.id, 'close', [/陈晓明/, /《政府信息公开申请终止处理告知书》/, /终止办理本申请/, /不能撤回/]);
  expect(await stored(request.id)).toMatchObject({ status: 'closed' });
});

test('延长答复期限: the confirmation says how long, who approved and that it is once only', async () => {
  const request = await registered();
  await openPage(request.id);
  await openAction('extend');
  type('extendDays', '10');
  type('approver', '张敏');
  type('extendReason', '需调取多个科室的档案。');
  await cancelThenConfirm(request.id, 'extend', [/延长 10 个工作日（批准人：张敏）/, /《政府信息公开申请延期答复告知书》/, /陈晓明/, /只能一次/]);
  expect((await stored(request.id)).extension).toMatchObject({ workingDays: 10, approver: '张敏' });
});

test('告知补正: the confirmation counts the items and says it can be done once', async () => {
  const request = await registered();
  await openPage(request.id);
  await openAction('askSupplement');
  type('supplementItems', '请写明文件名称\n请写明年份');
  type('supplementDays', '10');
  await cancelThenConfirm(request.id, 'askSupplement', [/《政府信息公开申请补正告知书》/, /2 项补正事项/, /10 个工作日/, /只能告知一次/]);
  expect(await stored(request.id)).toMatchObject({ status: 'supplementRequested' });
});

test('要求说明理由 and 确定延迟答复期限 each ask first', async () => {
  const request = await registered();
  await openPage(request.id);
  await openAction('askReasons');
  type('reasonsText', '您本月已提出申请40件，请说明用途。');
  await cancelThenConfirm(request.id, 'askReasons', [/《政府信息公开申请说明理由告知书》/, /只能要求一次/]);
  await waitFor(() => expect(screen.getByTestId('request-status').textContent).toBe('待说明理由'));

  recorded.modals.length = 0;
  const current = ok(await cloud.call('demo-clerk', 'requests', { action: 'manageGet', data: { id: request.id } }));
  await openAction('setDelayedDue');
  const later = dayjs(current.dueOn!);
  // A working day well after the due date in force: a Wednesday some weeks on.
  let day = later.add(21, 'day');
  while (day.day() !== 3) day = day.add(1, 'day');
  // A date picker (no typed YYYY-MM-DD): its input takes the date chosen.
  fireEvent.change(screen.getByTestId('input-delayedDueOn').querySelector('input')!, { target: { value: day.format('YYYY-MM-DD') } });
  type('delayedReason', '需逐份调取档案。');
  await cancelThenConfirm(request.id, 'setDelayedDue', [new RegExp(`答复期限将改为 ${day.format('YYYY-MM-DD')}`), /《政府信息公开申请延迟答复告知书》/, /不能更改/]);
  expect((await stored(request.id)).delayedDue).toMatchObject({ dueOn: day.format('YYYY-MM-DD') });
});

test('转交承办部门: the confirmation says the clerk loses sight of it', async () => {
  const request = await registered();
  await openPage(request.id);
  await openAction('assignDepartment');
  fireEvent.click(screen.getByTestId('choice-assignDepartment-housing'));
  await cancelThenConfirm(request.id, 'assignDepartment', [/转交住房保障科办理/, /不能再查看/]);
  expect((await stored(request.id)).departmentId).toBe('housing');
});
