import type { CalendarYearView, NamedDay } from '../../shared/calendar/calendar-schema';
import { yearOf } from '../../shared/calendar/dates';
import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import { changeRecord } from '../_runtime/change-record';
import { defineFunction } from '../_runtime/define-function';
import { calendarContract } from '../../shared/calendar/calendar-contract';
import type { HandlerContext } from '../_runtime/handler-context';
import { CALENDAR, loadCalendar, type CalendarDoc, type CalendarEvent } from './calendar-data';
import { calculateDueDate } from '../../shared/calendar/due-date-calculator';


/**
 * Function `calendar`: the working-day arrangement as data the bureau
 * controls. Every change is followed by recomputing the due dates of all
 * open requests, 差评 follow-ups and inquiry cases, each change recorded on
 * that record's own history.
 */
export const calendarFunction = defineFunction('calendar', calendarContract, {
  async days({ year }, { store }) {
    return viewOf(await loadCalendar(store), year);
  },

  async dueDate({ receivedOn, workingDays }, { store }) {
    return calculateDueDate(await loadCalendar(store), receivedOn, workingDays);
  },

  async setYear({ year, holidays, workdays }, ctx) {
    const previous = await loadCalendar(ctx.store);
    await saveYear(ctx, year, { holidays: sortDays(holidays), workdays: sortDays(workdays), complete: true }, `录入 ${year} 年节假日安排：放假 ${holidays.length} 天，调休上班 ${workdays.length} 天`, 'yearSet');
    return afterChange(ctx, previous, year, `${year}年节假日安排已录入`, `${year}-01-01`);
  },

  async setDay({ date, kind, name }, ctx) {
    const year = yearOf(date);
    const previous = await loadCalendar(ctx.store);
    const current = previous.arrangement(year);
    const holidays = current.holidays.filter((d) => d.date !== date);
    const workdays = current.workdays.filter((d) => d.date !== date);
    if (kind === 'holiday') holidays.push({ date, name: name as string });
    if (kind === 'workday') workdays.push({ date, name: name as string });
    const label = kind === 'holiday' ? `放假（${name}）` : kind === 'workday' ? `调休上班（${name}）` : '按周一至周五';
    await saveYear(ctx, year, { holidays: sortDays(holidays), workdays: sortDays(workdays), complete: current.covered }, `${date} 更正为${label}`, 'daySet');
    return afterChange(ctx, previous, year, `工作日历更正（${date} ${label}）`, date);
  },
});

async function saveYear(
  ctx: HandlerContext,
  year: number,
  content: Pick<CalendarDoc, 'holidays' | 'workdays' | 'complete'>,
  detail: string,
  action: CalendarEvent['action'],
): Promise<void> {
  const at = ctx.now().toISOString();
  const actor = ctx.caller.openid as string;
  const doc: CalendarDoc = { year, ...content, updatedAt: at, updatedBy: actor, updatedByName: ctx.caller.staff?.name ?? null };
  // The admin replaces the year as it stands (no version from a page): the write is still version-checked.
  await changeRecord(ctx.store, {
    collection: CALENDAR,
    id: String(year),
    expectedVersion: 'current',
    notFound: 'VALIDATION_FAILED',
    initial: doc,
    decide: () => ({ patch: doc, events: [{ subjectType: 'calendar', subjectId: String(year), action, actor, at, detail }] }),
  });
}

async function afterChange(ctx: HandlerContext, previous: WorkingCalendar, year: number, reason: string, changedFrom: string) {
  const calendar = await loadCalendar(ctx.store);
  const { recomputeAfterChange } = await import('./recompute-after-change');
  const recomputed = await recomputeAfterChange(ctx.store, previous, calendar, ctx.now(), reason, changedFrom);
  return { calendar: viewOf(calendar, year), recomputed };
}

function viewOf(calendar: WorkingCalendar, year: number): CalendarYearView {
  const a = calendar.arrangement(year);
  return {
    year,
    covered: a.covered,
    source: a.source,
    holidays: a.holidays,
    workdays: a.workdays,
    updatedAt: a.updatedAt,
  };
}

function sortDays(days: NamedDay[]): NamedDay[] {
  return [...days].sort((a, b) => a.date.localeCompare(b.date));
}
