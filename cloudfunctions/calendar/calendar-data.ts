import type { NamedDay } from '../../shared/calendar/calendar-schema';
import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { buildCalendar, type WorkingCalendar, type YearArrangement } from '../../shared/calendar/working-calendar';
import type { Store, Transaction, TxCollection } from '../_runtime/store/port';

/**
 * The bureau's own arrangements, one document per year in `calendar`
 * (id = the year). A stored year replaces chinese-days' data for that year.
 */
export interface CalendarDoc {
  year: number;
  holidays: NamedDay[];
  workdays: NamedDay[];
  /** True when the whole year is entered (setYear) or was copied from a covered built-in year. */
  complete: boolean;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string | null;
}

/** The `events` record of a calendar change. */
export interface CalendarEvent {
  subjectType: 'calendar';
  subjectId: string;
  action: 'yearSet' | 'daySet';
  actor: string;
  at: string;
  detail: string | null;
}

export const CALENDAR = 'calendar';

export function toArrangement(doc: CalendarDoc): YearArrangement {
  return {
    year: doc.year,
    holidays: doc.holidays,
    workdays: doc.workdays,
    covered: doc.complete,
    source: 'bureau',
    updatedAt: doc.updatedAt,
    updatedBy: doc.updatedByName,
  };
}

/** The calendar in force: every stored year over the built-in ones. One small query. */
export async function loadCalendar(store: Store): Promise<WorkingCalendar> {
  const page = await store.collection(CALENDAR).find({ orderBy: [['year', 'asc']], limit: 200 });
  // The same stored years give the same calendar: the last one built is reused (with what it has
  // learnt, e.g. working days between dates), keyed by the documents' content, not by the store.
  const key = JSON.stringify(page.items);
  if (lastBuilt?.key === key) return lastBuilt.calendar;
  const calendar = buildCalendar(page.items.map(toArrangement), builtinArrangement);
  lastBuilt = { key, calendar };
  return calendar;
}

let lastBuilt: { key: string; calendar: WorkingCalendar } | null = null;

/** Inside a transaction (by id only): one stored year, if any. */
export function calendarDocs(tx: Pick<Transaction, 'collection'>): TxCollection<CalendarDoc> {
  return tx.collection(CALENDAR);
}
