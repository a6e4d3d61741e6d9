/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AdminRequestPage from '../../miniprogram/admin/pages/request/index';
import AdminRequestsPage from '../../miniprogram/admin/pages/requests/index';
import MyRequestPage from '../../miniprogram/requests/pages/detail/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { application, VALID_RESIDENT_ID } from '../support/request-factories';
import { recorded, resetTaro } from '../support/taro';
import { openAction } from '../support/request-page-actions';

/** The staff queue and request page, and the resident's detail, over the real functions and SQLite. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

const submit = async (openid = 'resident-a') => ok(await cloud.call(openid, 'requests', { action: 'submit', data: application() }));

test('the queue masks personal data and the request page shows it in full', async () => {
  const request = await submit();
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro();
  const queue = render(<AdminRequestsPage />);
  // The demo bureau has requests of its own; ours is the one with its tracking number.
  await waitFor(() => expect(screen.getAllByTestId('queue-item').length).toBeGreaterThan(0));
  const ours = screen.getAllByTestId('queue-item').filter((item) => item.textContent?.includes(request.trackingNumber));
  expect(ours).toHaveLength(1);
  const line = ours[0].textContent ?? '';
  expect(line).toContain(request.trackingNumber);
  expect(line).toContain('待受理');
  expect(line).not.toContain('陈晓明');
  expect(line).not.toContain(VALID_RESIDENT_ID);
  expect(line).not.toContain('13812345678');
  queue.unmount();

  resetTaro({ id: request.id });
  render(<AdminRequestPage />);
  await waitFor(() => expect(screen.getByTestId('applicant').textContent).toContain(VALID_RESIDENT_ID));
  expect(screen.getByTestId('applicant').textContent).toContain('陈晓明');
  expect(screen.getByTestId('applicant').textContent).toContain('13812345678');
});

test('when another clerk acted first, the page says so in the bureau\'s words and reloads', async () => {
  const request = await submit();
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id: request.id });
  render(<AdminRequestPage />);
  await waitFor(() => screen.getByTestId('do-register'));

  // Another clerk registers it while this page still shows version 1.
  ok(await cloud.call('demo-admin', 'requests', { action: 'register', data: { id: request.id, version: request.version } }));
  fireEvent.click(screen.getByTestId('do-register'));
  await waitFor(() => expect(recorded.toasts).toContain('内容已被他人修改，请刷新后重试'));
  await waitFor(() => expect(screen.getByTestId('request-status').textContent).toBe('办理中'));
  expect(screen.queryByTestId('do-register')).toBeNull();
  const stored = await cloud.store.collection('requests').get(request.id);
  expect(stored?.history.filter((h) => h.kind === 'registered')).toHaveLength(1);
});

test('an action form shows the schema\'s errors beside its fields and sends nothing', async () => {
  const request = await submit();
  ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: request.id, version: request.version } }));
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id: request.id });
  render(<AdminRequestPage />);
  await openAction('extend');
  const before = (await cloud.store.collection('requests').get(request.id))?.version;
  fireEvent.change(screen.getByTestId('input-extendDays'), { target: { value: '25' } });
  fireEvent.click(screen.getByTestId('do-extend'));
  const errorIn = (testId: string) => screen.getByTestId(testId).closest('.field')?.querySelector('.field__error')?.textContent;
  await waitFor(() => expect(errorIn('input-extendDays')).toBe('不能大于 20'));
  expect(errorIn('input-approver')).toBe('此项必填');
  expect(recorded.modals).toEqual([]); // an invalid act is not offered for confirmation
  expect((await cloud.store.collection('requests').get(request.id))?.version).toBe(before);
});

test('a supplement that came by post is recorded from the request page with the day it arrived', async () => {
  const request = await submit();
  const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: request.id, version: request.version } }));
  ok(await cloud.call('demo-clerk', 'requests', { action: 'askSupplement', data: { id: registered.id, version: registered.version, items: ['请写明文件名称'], workingDays: 10 } }));
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id: request.id });
  render(<AdminRequestPage />);
  await waitFor(() => screen.getByTestId('do-recordSupplement'));
  // A day picked, not typed: the date picker (its stand-in's date input) answers 2026-11-24.
  expect(screen.getByTestId('input-supplementReceivedOn').getAttribute('data-mode')).toBe('date');
  fireEvent.change(screen.getByTestId('input-supplementReceivedOn').querySelector('input')!, { target: { value: '2026-11-24' } });
  fireEvent.change(screen.getByTestId('input-recordedSupplementText'), { target: { value: '来信写明：《老旧小区改造项目招标文件》' } });
  fireEvent.click(screen.getByTestId('do-recordSupplement'));
  await waitFor(() => expect(screen.getByTestId('request-status').textContent).toBe('办理中'));
  const stored = await cloud.store.collection('requests').get(request.id);
  expect(stored?.supplement?.answer).toMatchObject({ on: '2026-11-24', text: '来信写明：《老旧小区改造项目招标文件》' });
});

test('a resident opening someone else\'s request is told it does not exist, with no retry', async () => {
  const request = await submit('resident-a');
  setTransport(cloud.transportAs('resident-b'));
  resetTaro({ id: request.id });
  render(<MyRequestPage />);
  await waitFor(() => expect(screen.getByTestId('detail-error').textContent).toContain('未找到该申请'));
  expect(screen.queryByText('重新加载')).toBeNull();
});

test('a consultation is started and ended from the request page; it shows 征求意见中 meanwhile', async () => {
  const request = await submit();
  ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: request.id, version: request.version } }));
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id: request.id });
  render(<AdminRequestPage />);
  await openAction('consult');
  fireEvent.click(screen.getByTestId('choice-consultParty-thirdParty'));
  fireEvent.change(screen.getByTestId('input-partyName'), { target: { value: '云溪阳光物业服务有限公司' } });
  fireEvent.change(screen.getByTestId('input-consultMatter'), { target: { value: '所申请的招标文件含该公司的商业报价，征求其是否同意公开。' } });
  fireEvent.click(screen.getByTestId('do-consult'));
  await waitFor(() => expect(screen.getByTestId('request-status').textContent).toBe('征求意见中'));
  expect(screen.getByTestId('consultations').textContent).toContain('云溪阳光物业服务有限公司');
  expect(screen.getByTestId('consultations').textContent).toContain('尚未结束');
  const paused = await cloud.store.collection('requests').get(request.id);
  expect(paused).toMatchObject({ status: 'consulting' });

  fireEvent.change(screen.getByTestId('input-consultOutcome'), { target: { value: '该公司不同意公开报价部分。' } });
  fireEvent.click(screen.getByTestId('do-consult'));
  await waitFor(() => expect(screen.getByTestId('request-status').textContent).toBe('办理中'));
  expect(screen.getByTestId('consultations').textContent).toContain('该公司不同意公开报价部分。');
  const resumed = await cloud.store.collection('requests').get(request.id);
  expect(resumed?.consultations).toHaveLength(1);
  expect(resumed?.consultations[0].endedOn).not.toBeNull();
});

test('the clerk registers an application into another department, whose page then shows it; the admin hands it back', async () => {
  const request = await submit();
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id: request.id });
  const page = render(<AdminRequestPage />);
  await waitFor(() => screen.getByTestId('choice-registerDepartment-housing'));
  expect(screen.getByTestId('request-department').textContent).toContain('待受理时确定');
  fireEvent.click(screen.getByTestId('choice-registerDepartment-housing'));
  fireEvent.click(screen.getByTestId('do-register'));
  // 住房保障科's request is no longer 李华's (局办公室) to see: the page says it is not found.
  await waitFor(() => expect(screen.getByTestId('request-handed-on').textContent).toContain('该申请已由其他部门承办'));
  expect((await cloud.store.collection('requests').get(request.id))!.departmentId).toBe('housing');
  page.unmount();

  setTransport(cloud.transportAs('demo-admin'));
  resetTaro({ id: request.id });
  render(<AdminRequestPage />);
  await waitFor(() => expect(screen.getByTestId('request-department').textContent).toContain('住房保障科'));
  await openAction('assignDepartment');
  await waitFor(() => screen.getByTestId('choice-assignDepartment-office'));
  expect(screen.queryByTestId('choice-assignDepartment-housing')).toBeNull();
  fireEvent.click(screen.getByTestId('choice-assignDepartment-office'));
  fireEvent.click(screen.getByTestId('do-assignDepartment'));
  await waitFor(() => expect(screen.getByTestId('request-department').textContent).toContain('局办公室'));
  expect(screen.getAllByText('转交承办部门').length).toBeGreaterThan(0);
});

test('an application waiting for registration: at the head of the queue with how long it has waited, and 待受理 since when for its applicant', async () => {
  const request = await submit();
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro();
  const queue = render(<AdminRequestsPage />);
  await waitFor(() => screen.getByTestId('queue-waiting'));
  const waiting = screen.getByTestId('queue-waiting');
  expect(waiting.textContent).toContain('待受理的网上申请');
  expect(waiting.textContent).toContain(request.trackingNumber);
  expect(waiting.textContent).toMatch(/今日待受理|已等待 \d+ 个工作日/);
  queue.unmount();

  setTransport(cloud.transportAs('resident-a'));
  resetTaro({ id: request.id });
  render(<MyRequestPage />);
  await waitFor(() => screen.getByTestId('waiting-since'));
  expect(screen.getByTestId('waiting-since').textContent).toContain('2026-11-24 10:00 起等待本机关受理');
});

test('终止办理 starts with no 情形 chosen: closing without choosing one is refused beside the field and sends nothing', async () => {
  const request = await submit();
  ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: request.id, version: request.version } }));
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id: request.id });
  render(<AdminRequestPage />);
  await openAction('close');
  const options = screen.getByTestId('choices-closeCategory').querySelectorAll('.choice');
  expect(options.length).toBeGreaterThan(1);
  expect(Array.from(options).filter((o) => o.classList.contains('choice--selected'))).toHaveLength(0);
  const before = (await cloud.store.collection('requests').get(request.id))?.version;
  fireEvent.change(screen.getByTestId('input-closeReason'), { target: { value: '申请人来电撤回。' } });
  fireEvent.click(screen.getByTestId('do-close'));
  const errorOfCategory = () => screen.getByTestId('choices-closeCategory').closest('.field')?.querySelector('.field__error')?.textContent;
  await waitFor(() => expect(errorOfCategory()).toMatch(/[\u4e00-\u9fff]/));
  expect((await cloud.store.collection('requests').get(request.id))?.version).toBe(before);
  // Choosing one shows what it needs: 其他 asks for its basis.
  fireEvent.click(screen.getByTestId('choice-closeCategory-other.other'));
  await waitFor(() => screen.getByTestId('input-basis'));
});

test('the reply form asks exactly the fields of the chosen category, and a missing one is said beside it', async () => {
  const request = await submit();
  ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: request.id, version: request.version } }));
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro({ id: request.id });
  render(<AdminRequestPage />);
  await waitFor(() => screen.getByTestId('do-reply'));
  const detailInputs = () =>
    ['whereToFind', 'agencyName', 'agencyContact', 'procedure', 'earlierTrackingNumber', 'basis'].filter((name) => screen.queryByTestId(`input-${name}`));
  // 予以公开: where to find it, for information already public (36(1)).
  expect(detailInputs()).toEqual(['whereToFind']);
  fireEvent.change(screen.getByTestId('input-whereToFind'), { target: { value: '本机关门户网站“政策文件”栏目' } });
  await waitFor(() => expect(screen.getByTestId('reply-basis').textContent).toContain('第三十六条第（一）项'));
  fireEvent.click(screen.getByTestId('choice-replyGroup-unavailable'));
  await waitFor(() => expect(detailInputs()).toEqual(['agencyName', 'agencyContact']));
  fireEvent.click(screen.getByTestId('choice-replyGroup-withheld'));
  fireEvent.click(screen.getByTestId('choice-replyCategory-withheld.query'));
  await waitFor(() => expect(detailInputs()).toEqual(['procedure']));
  fireEvent.click(screen.getByTestId('choice-replyGroup-notProcessed'));
  fireEvent.click(screen.getByTestId('choice-replyCategory-notProcessed.repeat'));
  await waitFor(() => expect(detailInputs()).toEqual(['earlierTrackingNumber']));

  // The whereToFind typed for 予以公开 is not sent with 重复申请; the missing number is said beside its field.
  fireEvent.change(screen.getByTestId('input-replyText'), { target: { value: '不予重复处理。' } });
  fireEvent.click(screen.getByTestId('do-reply'));
  const errorIn = (testId: string) => screen.getByTestId(testId).closest('.field')?.querySelector('.field__error')?.textContent;
  await waitFor(() => expect(errorIn('input-earlierTrackingNumber')).toBe('请填写已答复的原申请编号'));
  expect((await cloud.store.collection('requests').get(request.id))?.reply).toBeNull();
});

test('未分配部门: the admin lists the requests stored without a department and hands every one listed to a department at once', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const request = await submit();
    const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: request.id, version: request.version } }));
    const stored = (await cloud.store.collection('requests').get(registered.id))!;
    // As stored before requests had departments.
    await cloud.store.collection('requests').update(stored.id, stored.version, { departmentId: undefined });
    ids.push(registered.id);
  }
  setTransport(cloud.transportAs('demo-admin'));
  forgetWhoami();
  resetTaro();
  render(<AdminRequestsPage />);
  await waitFor(() => expect(screen.getAllByTestId('queue-warning').map((w) => w.textContent).join('')).toContain('有 2 件已受理的申请未分配承办部门'));
  const picker = await waitFor(() => {
    const select = screen.getByTestId('department-filter').querySelector('select')!;
    expect(Array.from(select.options, (o) => o.textContent)).toContain('未分配部门');
    return select;
  });
  fireEvent.change(picker, { target: { value: String(Array.from(picker.options, (o) => o.textContent).indexOf('未分配部门')) } });
  await waitFor(() => expect(screen.getAllByTestId('queue-unassigned')).toHaveLength(2));
  expect(screen.getAllByTestId('queue-item')).toHaveLength(2);

  const target = await waitFor(() => {
    const select = screen.getByTestId('assign-listed-department').querySelector('select')!;
    expect(Array.from(select.options, (o) => o.textContent)).toContain('住房保障科');
    return select;
  });
  fireEvent.change(target, { target: { value: String(Array.from(target.options, (o) => o.textContent).indexOf('住房保障科')) } });
  // 再看看 first: nothing moves; then 确认.
  recorded.modalAnswer = false;
  fireEvent.click(screen.getByTestId('assign-listed-submit'));
  await waitFor(() => expect(recorded.modals).toHaveLength(1));
  expect(recorded.modals[0].content).toMatch(/2 件申请将转交住房保障科办理/);
  await new Promise((r) => setTimeout(r, 20));
  for (const id of ids) expect((await cloud.store.collection('requests').get(id))!.departmentId).toBeUndefined();
  recorded.modalAnswer = true;
  fireEvent.click(screen.getByTestId('assign-listed-submit'));
  await waitFor(() => expect(recorded.toasts).toContain('已转交 2 件至住房保障科'));
  await waitFor(() => expect(screen.queryAllByTestId('queue-item')).toHaveLength(0));
  for (const id of ids) expect((await cloud.store.collection('requests').get(id))!.departmentId).toBe('housing');
  // Each handover is a step of its own in 操作记录.
  const audit = ok(await cloud.call('demo-admin', 'audit', { action: 'search', data: { action: 'requests.assignDepartment' } }));
  expect(audit.items.filter((e: { recordIds: string[] }) => ids.some((id) => e.recordIds.includes(id)))).toHaveLength(2);
});

test('a handler has no 未分配部门 to choose', async () => {
  setTransport(cloud.transportAs('demo-clerk'));
  forgetWhoami();
  resetTaro();
  render(<AdminRequestsPage />);
  const select = await waitFor(() => {
    const s = screen.getByTestId('department-filter').querySelector('select')!;
    expect(Array.from(s.options, (o) => o.textContent)).toContain('住房保障科');
    return s;
  });
  expect(Array.from(select.options, (o) => o.textContent)).not.toContain('未分配部门');
});

test('a 待补正 row in the queue shows the last day of its supplement period', async () => {
  const request = await submit();
  const registered = ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: request.id, version: request.version } }));
  const asked = ok(await cloud.call('demo-clerk', 'requests', { action: 'askSupplement', data: { id: registered.id, version: registered.version, items: ['请写明文件名称'], workingDays: 10 } }));
  setTransport(cloud.transportAs('demo-clerk'));
  resetTaro();
  render(<AdminRequestsPage />);
  fireEvent.click(await waitFor(() => screen.getByTestId('queue-filter-supplementRequested')));
  const row = await waitFor(() => {
    const found = screen.getAllByTestId('queue-item').find((item) => item.textContent?.includes(request.trackingNumber));
    expect(found).toBeDefined();
    return found!;
  });
  expect(row.querySelector('[data-testid=queue-supplement-deadline]')?.textContent).toBe(`补正截止 ${asked.supplement!.deadlineOn}`);
});
