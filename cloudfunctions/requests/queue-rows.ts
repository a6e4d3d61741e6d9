import type { WorkingCalendar } from '../../shared/calendar/working-calendar';
import type { RequestRecord } from '../../shared/requests/request-record';
import type { AwaitingItem, QueueItem } from '../../shared/requests/request-types';
import { QUEUE_FIELDS, toQueueItem } from '../../shared/requests/request-view';
import type { FindOptions, Store } from '../_runtime/store/port';
import { REQUESTS } from './request-collections';

/**
 * The staff queue's rows, read lean and each built once per request version. A clerk's queue is read
 * again and again (every visit, every refresh) while its requests rarely change; reading each page's
 * requests whole enough to build rows (applicant, information, the supplement, the reply…) and
 * building the rows (due dates in working days, masks, the wait for registration) was most of a queue
 * call's own time. So a page is read as ids and versions only (with the sort fields its cursor needs),
 * and only the requests whose row is not kept yet are read in full, in one query.
 *
 * A row depends only on the stored request, today, the calendar and the bureau's reminder setting, and
 * every change of a request raises its version (change-record.ts), so `id` and `version` name its
 * content within one store; rows are kept per store, and all of them are dropped when today, the
 * calendar or the setting differ from those they were built with. Bounded: a full memo starts over.
 * The rows handed out are shared between answers and are never changed after they are built.
 */
const MAX_ROWS = 20_000;

interface Rows {
  today: string;
  calendar: WorkingCalendar;
  reminderDays: number | undefined;
  byVersion: Map<string, QueueItem>;
}

const memo = new WeakMap<Store, Rows>();
const keyOf = (r: { id: string; version: number }) => `${r.id}\u0000${r.version}`;

function rowsOf(store: Store, today: string, calendar: WorkingCalendar, reminderDays: number | undefined): Map<string, QueueItem> {
  let rows = memo.get(store);
  if (!rows || rows.today !== today || rows.calendar !== calendar || rows.reminderDays !== reminderDays) {
    rows = { today, calendar, reminderDays, byVersion: new Map() };
    memo.set(store, rows);
  }
  return rows.byVersion;
}

/** One page of queue rows: `query` is the queue's filter and order (request-queries.ts) with its cursor and limit. */
export async function queueRowPage(
  store: Store,
  query: Omit<FindOptions, 'fields'>,
  today: string,
  calendar: WorkingCalendar,
  reminderDays: number | undefined,
): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  const requests = store.collection(REQUESTS);
  const page = await requests.find({ ...query, fields: [] });
  const byVersion = rowsOf(store, today, calendar, reminderDays);
  const missing = page.items.filter((r) => !byVersion.has(keyOf(r))).map((r) => r.id);
  const fresh = new Map<string, QueueItem>();
  if (missing.length) {
    const { items } = await requests.find({ where: { id: { in: missing } }, orderBy: [['id', 'asc']], limit: missing.length, fields: QUEUE_FIELDS });
    for (const r of items) {
      const row = toQueueItem(r as RequestRecord, today, calendar, reminderDays);
      if (byVersion.size >= MAX_ROWS) byVersion.clear();
      byVersion.set(keyOf(r), row);
      fresh.set(r.id, row);
    }
  }
  // A request changed between the two reads shows as read the second time (newer); one gone meanwhile is left out.
  const items = page.items.map((r) => byVersion.get(keyOf(r)) ?? fresh.get(r.id)).filter((row): row is QueueItem => row !== undefined);
  return { items, nextCursor: page.nextCursor };
}

/**
 * A waiting application's row as the head of the queue carries it (AwaitingItem): made once per kept row
 * (rows are never changed once built), so the fifty rows of every first page are not rebuilt per call.
 */
const awaitingOf = new WeakMap<QueueItem, AwaitingItem>();

export function toAwaitingItem(row: QueueItem): AwaitingItem | null {
  if (!row.waiting) return null;
  let item = awaitingOf.get(row);
  if (!item) {
    const { id, trackingNumber, status, subject, applicantName, orgKind, phoneMasked, idNumberMasked, waiting } = row;
    item = { id, trackingNumber, status, subject, applicantName, orgKind, phoneMasked, idNumberMasked, waiting };
    awaitingOf.set(row, item);
  }
  return item;
}

/** Drops a store's rows: `npm run bench:queue` times the queue as it was before rows were kept (every row read and built afresh). */
export function forgetQueueRows(store: Store): void {
  memo.delete(store);
}
