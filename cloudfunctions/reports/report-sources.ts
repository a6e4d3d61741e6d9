import type { Notice } from '../../shared/notices/notice-schema';
import type { RequestRecord } from '../../shared/requests/request-record';
import type { ReportCaseRecord } from '../../shared/reports/report-record';
import type { Collection, Stored, Where } from '../_runtime/store/port';
import type { Store } from '../_runtime/store/port';

/**
 * Reading what the report counts, page by page: only the fields the tables
 * need (a projection), so a year of 100,000 requests is read without their
 * texts, attachments or histories.
 */
const PAGE = 1000;

async function readAll<T>(collection: Collection<T>, fields: readonly string[] | undefined, where?: Where): Promise<Array<Stored<T>>> {
  const out: Array<Stored<T>> = [];
  let cursor: string | null = null;
  do {
    const page = await collection.find({ where, orderBy: [['id', 'asc']], limit: PAGE, cursor, fields });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** What Part 3 reads of each request. */
export const TABLE_FIELDS = ['trackingNumber', 'status', 'receivedOn', 'applicant', 'reply', 'ending'] as const;
/** What the statistics read besides: the clock's facts, for handling time and 按期. */
export const STATS_FIELDS = [...TABLE_FIELDS, 'supplement', 'consultations', 'extension', 'dueOn', 'open'] as const;

/**
 * Requests received by `receivedBy` (a Beijing day): one never registered, or received after the
 * period, counts nowhere in it, so it is not read at all.
 */
export function readRequests(store: Store, receivedBy: string, fields: readonly string[] = TABLE_FIELDS): Promise<Array<Stored<RequestRecord>>> {
  return readAll(store.collection('requests'), fields, { receivedOn: { lte: receivedBy } });
}

export function readNotices(store: Store): Promise<Array<Stored<Notice>>> {
  return readAll(store.collection('notices'), ['kind', 'status', 'publishedAt', 'policyLevel', 'validity', 'repealedOn', 'period']);
}

export function readCases(store: Store): Promise<Array<Stored<ReportCaseRecord>>> {
  return readAll(store.collection('reportCases'), undefined);
}
