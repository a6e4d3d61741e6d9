/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import CalendarPage from '../../miniprogram/admin/pages/calendar/index';
import { setTransport } from '../../miniprogram/api/transport';
import { beijingToday } from '../../shared/time/beijing-time';
import { ok, type CloudHarness } from '../support/cloud-harness';
import { cloudPerTest } from '../support/page-cloud';
import { recorded, resetTaro } from '../support/taro';

/**
 * 录入全年安排 over the real functions and SQLite: every day is picked from a calendar, marked 休 or 班
 * and named, a run of days is one row (从 … 至 …), rows are added and removed; what is saved is the
 * `calendar.setYear` wire format as before. Nothing asks for YYYY-MM-DD.
 */
let cloud: CloudHarness;
cloudPerTest((c) => (cloud = c));

// The page counts years from the phone's clock.
const nextYear = Number(beijingToday(new Date()).slice(0, 4)) + 1;
const rows = () => screen.queryAllByTestId('year-day');
const pick = (name: string, value: string) => fireEvent.change(screen.getByTestId(`input-${name}`).querySelector('input')!, { target: { value } });
const type = (name: string, value: string) => fireEvent.change(screen.getByTestId(`input-${name}`), { target: { value } });

async function openNextYear() {
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro();
  const view = render(<CalendarPage />);
  fireEvent.click(await screen.findByTestId(`choice-year-${nextYear}`));
  await waitFor(() => expect(screen.getByTestId('calendar-source').textContent).toContain(`${nextYear}年`));
  await waitFor(() => expect(rows().length).toBeGreaterThan(0));
  // Start from nothing (the built-in data may already hold the year): every row removed, one added.
  while (rows().length > 0) fireEvent.click(screen.getByTestId('remove-year-day-0'));
  fireEvent.click(screen.getByTestId('add-year-day'));
  return view;
}

test('next year entered row by row: a day, a run, a make-up working day; a row added by mistake removed; saved as holidays and workdays', async () => {
  const view = await openNextYear();
  expect(rows()).toHaveLength(1);
  // Every date is a picker; no label, placeholder or hint asks for a format.
  for (const name of ['yearDayFrom-0', 'yearDayTo-0']) expect(screen.getByTestId(`input-${name}`).getAttribute('data-mode')).toBe('date');
  expect(view.container.textContent).not.toMatch(/YYYY|MM-DD|\d{4}-\d{2}-\d{2} /);

  pick('yearDayFrom-0', `${nextYear}-01-01`);
  type('yearDayName-0', '元旦');
  fireEvent.click(screen.getByTestId('add-year-day'));
  pick('yearDayFrom-1', `${nextYear}-02-06`);
  pick('yearDayTo-1', `${nextYear}-02-12`);
  type('yearDayName-1', '春节');
  fireEvent.click(screen.getByTestId('add-year-day'));
  fireEvent.click(screen.getByTestId('choice-yearDayKind-2-workday'));
  pick('yearDayFrom-2', `${nextYear}-02-14`);
  type('yearDayName-2', '春节调休');
  fireEvent.click(screen.getByTestId('add-year-day'));
  pick('yearDayFrom-3', `${nextYear}-03-03`);
  expect(rows()).toHaveLength(4);
  fireEvent.click(screen.getByTestId('remove-year-day-3'));
  expect(rows()).toHaveLength(3);

  fireEvent.click(screen.getByTestId('save-year'));
  await waitFor(() => expect(recorded.modals).toHaveLength(1));
  expect(recorded.modals[0].content).toContain(`${nextYear}年的节假日和调休安排将替换为所填的 8 个休息日、1 个调休上班日`);
  await waitFor(() => screen.getByTestId('calendar-outcome'));
  const doc = await cloud.store.collection('calendar').get(String(nextYear));
  expect(doc!.holidays).toEqual([
    { date: `${nextYear}-01-01`, name: '元旦' },
    ...[6, 7, 8, 9, 10, 11, 12].map((d) => ({ date: `${nextYear}-02-${String(d).padStart(2, '0')}`, name: '春节' })),
  ]);
  expect(doc!.workdays).toEqual([{ date: `${nextYear}-02-14`, name: '春节调休' }]);

  // Reloaded, the run is one row again, and the make-up day keeps its 班.
  await waitFor(() => expect(rows()).toHaveLength(3));
  const spring = rows().find((r) => (r.querySelector('[name^="yearDayName"]') as HTMLInputElement | null)?.value === '春节')!;
  expect((within(spring).getByTestId('input-yearDayTo-1').querySelector('input') as HTMLInputElement).value).toBe(`${nextYear}-02-12`);
  expect(screen.getByTestId('choice-yearDayKind-2-workday').getAttribute('aria-checked')).toBe('true');
});

test('the stored arrangement opens as rows: a run of days with one name is one row, 休 and 班 marked', async () => {
  setTransport(cloud.transportAs('demo-admin'));
  resetTaro();
  render(<CalendarPage />);
  await waitFor(() => expect(rows().length).toBeGreaterThan(0));
  const year = Number(beijingToday(new Date()).slice(0, 4));
  const doc = ok(await cloud.call('demo-admin', 'calendar', { action: 'days', data: { year } }));
  // Fewer rows than days: the runs are folded; every day is still there, by kind.
  expect(rows().length).toBeLessThan(doc.holidays.length + doc.workdays.length);
  const kinds = rows().map((r) => (r.querySelector('[aria-checked="true"]') as HTMLElement).textContent);
  expect(kinds.filter((k) => k?.startsWith('班')).length).toBeGreaterThan(0);
  expect(kinds.filter((k) => k?.startsWith('休')).length).toBeGreaterThan(0);
});

test('a row without a name, a run that ends before it starts, a day given twice: each said beside its row, nothing sent', async () => {
  await openNextYear();
  pick('yearDayFrom-0', `${nextYear}-05-01`);
  fireEvent.click(screen.getByTestId('add-year-day'));
  pick('yearDayFrom-1', `${nextYear}-10-07`);
  pick('yearDayTo-1', `${nextYear}-10-01`);
  type('yearDayName-1', '国庆节');
  fireEvent.click(screen.getByTestId('add-year-day'));
  pick('yearDayFrom-2', `${nextYear}-05-01`);
  type('yearDayName-2', '劳动节');
  fireEvent.click(screen.getByTestId('save-year'));
  expect(rows()[0].textContent).toContain('请填写名称');
  expect(rows()[1].textContent).toContain('结束日期不能早于开始日期');
  expect(recorded.modals).toHaveLength(0);

  type('yearDayName-0', '劳动节');
  pick('yearDayTo-1', `${nextYear}-10-07`);
  fireEvent.click(screen.getByTestId('save-year'));
  expect(rows()[2].textContent).toContain(`${nextYear}-05-01 已在第 1 行`);
  expect(recorded.modals).toHaveLength(0);
  expect(await cloud.store.collection('calendar').get(String(nextYear))).toBeNull();
});
