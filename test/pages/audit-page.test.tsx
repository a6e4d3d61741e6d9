/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AuditPage from '../../miniprogram/admin/pages/audit/index';
import MePage from '../../miniprogram/pages/me/index';
import { setTransport } from '../../miniprogram/api/transport';
import { forgetWhoami } from '../../miniprogram/hooks/use-whoami';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { recorded, resetTaro } from '../support/taro';

/** 操作记录 over the real functions and SQLite: what clerks did, searched and exported by an admin. */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

const entries = () => screen.queryAllByTestId('audit-entry');
/** Each request's tracking number, by id: what the page shows instead of the id. */
let numbers: Record<string, string> = {};
const type = (name: string, value: string) => fireEvent.change(screen.getByTestId(`input-audit-${name}`), { target: { value } });
/** The dates are picked (the picker's stand-in is a date input inside the field), never typed. */
const pick = (name: string, value: string) => fireEvent.change(screen.getByTestId(`input-audit-${name}`).querySelector('input')!, { target: { value } });

async function someHistory() {
  const [a, b] = (await cloud.store.collection('requests').find({ orderBy: [['submittedAt', 'asc']], limit: 2 })).items;
  numbers = { [a.id]: a.trackingNumber, [b.id]: b.trackingNumber };
  // A minute apart, all on 2026-11-24 in Beijing: the order is the order of the calls.
  const at = (minute: number) => (cloud.clock.now = new Date(Date.UTC(2026, 10, 24, 2, minute)));
  at(1);
  ok(await cloud.call('demo-clerk', 'requests', { action: 'manageGet', data: { id: a.id } }));
  at(2);
  ok(await cloud.call('demo-admin', 'requests', { action: 'manageGet', data: { id: b.id } }));
  at(3);
  ok(await cloud.call('demo-admin', 'calendar', { action: 'setDay', data: { date: '2026-12-31', kind: 'holiday', name: '测试放假' } }));
  return { a: a.id, b: b.id };
}

async function open(params: Record<string, string> = {}) {
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro(params);
  render(<AuditPage />);
}

test('newest first: who, what, which record and which fields; a personal-data view stands out', async () => {
  const { b } = await someHistory();
  await open();
  await waitFor(() => expect(entries()).toHaveLength(3));
  expect(entries()[0].textContent).toContain('张敏');
  expect(entries()[0].textContent).toContain('calendar.setDay');
  expect(entries()[0].textContent).toContain('涉及字段：kind、name');
  expect(entries()[0].textContent).not.toContain('测试放假');
  expect(entries()[1].className).toContain('audit-entry--view');
  expect(entries()[1].textContent).toContain('查看完整个人信息');
  // The record by its tracking number, never its internal id.
  expect(entries()[1].textContent).toContain(`申请 ${numbers[b]}`);
  expect(document.body.textContent).not.toContain(b);
  // The calendar day it changed is already what a person reads.
  expect(entries()[0].querySelector('[data-testid=audit-entry-record]')?.textContent).toBe('2026-12-31');
});

test('search by person, by record (a tap on it), by action and by dates; a bad date is shown beside its box', async () => {
  const { a } = await someHistory();
  await open();
  await waitFor(() => expect(entries()).toHaveLength(3));

  type('actor', '李华');
  fireEvent.click(screen.getByTestId('audit-search'));
  await waitFor(() => expect(entries()).toHaveLength(1));
  expect(entries()[0].textContent).toContain(numbers[a]);

  type('actor', '');
  fireEvent.click(screen.getByTestId('audit-entry-record'));
  // The box shows what was tapped, the search goes by the record behind it.
  await waitFor(() => expect((screen.getByTestId('input-audit-recordId') as HTMLInputElement).value).toBe(`申请 ${numbers[a]}`));
  await waitFor(() => expect(entries()).toHaveLength(1));
  // A tracking number typed by hand finds the same record.
  type('recordId', numbers[a]);
  fireEvent.click(screen.getByTestId('audit-search'));
  await waitFor(() => expect(entries()).toHaveLength(1));
  expect(entries()[0].textContent).toContain('李华');

  type('recordId', '');
  type('action', 'requests.manageGet');
  fireEvent.click(screen.getByTestId('audit-search'));
  await waitFor(() => expect(entries()).toHaveLength(2));

  pick('from', '2026-11-25');
  fireEvent.click(screen.getByTestId('audit-search'));
  await waitFor(() => expect(screen.getByText('没有符合条件的操作记录')).toBeTruthy());

  pick('from', '2026-11-30');
  pick('to', '2026-11-01');
  fireEvent.click(screen.getByTestId('audit-search'));
  await waitFor(() => expect(screen.getByText('开始日期不能晚于结束日期')).toBeTruthy());
});

test('a person with no name on the staff list shows as 未命名人员, tapping narrows to them; a record no longer there says so', async () => {
  const [request] = (await cloud.store.collection('requests').find({ orderBy: [['submittedAt', 'asc']], limit: 1 })).items;
  // An entry written for someone the staff list had no name for, about a record since erased.
  await cloud.store.collection('audit').insert({ at: '2026-11-24T02:05:00.000Z', actor: 'o-unnamed-openid-123', actorName: '', action: 'requests.register', kind: 'write', recordId: 'gone-record-1', recordIds: ['gone-record-1'], fields: [] });
  ok(await cloud.call('demo-clerk', 'requests', { action: 'manageGet', data: { id: request.id } }));
  await open();
  await waitFor(() => expect(entries()).toHaveLength(2));
  const unnamed = entries().find((e) => e.textContent?.includes('未命名人员'))!;
  expect(unnamed.querySelector('[data-testid=audit-entry-record]')?.textContent).toBe('记录已不存在');
  expect(document.body.textContent).not.toContain('o-unnamed-openid-123');
  expect(document.body.textContent).not.toContain('gone-record-1');
  fireEvent.click(unnamed.querySelector('[data-testid=audit-entry-actor]')!);
  await waitFor(() => expect(entries()).toHaveLength(1));
  expect((screen.getByTestId('input-audit-actor') as HTMLInputElement).value).toBe('未命名人员');
  // The export keeps what the page does not show: the OPENID and the id, for whoever audits the trail.
  const exported = ok(await cloud.call('demo-admin', 'audit', { action: 'export', data: { actor: 'o-unnamed-openid-123' } }));
  expect(exported.csv).toContain('未命名人员,o-unnamed-openid-123');
  expect(exported.csv).toContain('gone-record-1');
});

test('a record opened from elsewhere (?recordId=) starts filtered to it', async () => {
  const { b } = await someHistory();
  await open({ recordId: b });
  await waitFor(() => expect(entries()).toHaveLength(1));
  expect(entries()[0].textContent).toContain('张敏');
});

test('export: the same filters, a CSV the browser saves, and what was exported said', async () => {
  await someHistory();
  const saved: Blob[] = [];
  const revoked: string[] = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = (blob: Blob) => (saved.push(blob), 'blob:audit');
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
  // The page frees the saved file's URL on a timer; under fake timers it runs here, while the stub is
  // in place, and not during a later test (jsdom has no revokeObjectURL of its own to call).
  jest.useFakeTimers({ advanceTimers: true, doNotFake: ['Date', 'nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'hrtime', 'performance'] });
  // jsdom cannot follow the download link; it would log that from its own timer, in a later test.
  const noNavigation = (event: Event) => event.preventDefault();
  document.addEventListener('click', noNavigation);
  try {
    await open();
    await waitFor(() => expect(entries()).toHaveLength(3));
    type('action', 'requests.manageGet');
    fireEvent.click(screen.getByTestId('audit-export'));
    await waitFor(() => expect(recorded.toasts).toContain('已导出 2 条'));
    expect(screen.getByTestId('audit-export-result').textContent).toMatch(/操作记录-\d{4}-\d{2}-\d{2}\.csv：2 条/);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(saved[0]);
    });
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(text).toContain('李华');
    jest.runOnlyPendingTimers();
    expect(revoked).toEqual(['blob:audit']);
  } finally {
    jest.clearAllTimers();
    jest.useRealTimers();
    document.removeEventListener('click', noNavigation);
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
  }
});

test('我的: 操作记录 is offered to admins only', async () => {
  const shownFor = async (openid: string) => {
    setTransport(cloud.transportAs(openid));
    forgetWhoami();
    resetTaro();
    const page = render(<MePage />);
    await waitFor(() => expect(screen.getByTestId('me-identity').textContent).not.toBe(''));
    const entry = screen.queryByTestId('staff-audit-entry');
    if (entry) fireEvent.click(entry);
    page.unmount();
    return !!entry;
  };
  expect(await shownFor('demo-admin')).toBe(true);
  expect(recorded.navigations).toEqual(['/admin/pages/audit/index']);
  expect(await shownFor('demo-clerk')).toBe(false);
  expect(await shownFor('resident-a')).toBe(false);
});
