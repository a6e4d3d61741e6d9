import type { Notice } from '../../shared/notices/notice-schema';
import { FACT_SOURCE_FIELDS, requestFactsOf } from '../../shared/reports/request-facts';
import type { CountedRequest } from '../../shared/reports/requests-table';
import type { ReportCaseRecord } from '../../shared/reports/report-record';
import { readAll } from '../_runtime/read-all';
import type { Store, Stored } from '../_runtime/store/port';

// Reading what the report counts, page by page: the requests' compact facts records, the notices'
// few fields the tables need (a projection), the cases.

/** Where the facts came from: the compact records kept with each request, or the requests themselves. */
export type FactsSource = 'facts' | 'records';

/**
 * What the report and the statistics count of the requests that can figure in a period: received
 * by its last day `receivedBy`, and concluded on or after its first day `concludedFrom` or still
 * open (one received and concluded before it counts nowhere in it, so it is not read at all).
 *
 * Read from the compact `requestFacts` records (request-facts.ts), which every change to a request
 * rewrites in its own transaction. A store written before they existed (or restored from such a
 * backup) has requests without them: then, and only then, the same facts are derived from the
 * requests themselves, slower but the same figures. `source` forces one road (tests, the bench).
 */
export async function readRequestFacts(
  store: Store,
  period: { receivedBy: string; concludedFrom: string },
  source?: FactsSource,
): Promise<{ facts: CountedRequest[]; source: FactsSource }> {
  const road = source ?? ((await factsCoverRequests(store)) ? 'facts' : 'records');
  if (road === 'facts') {
    const facts = await readAll(store.collection('requestFacts'), undefined, { receivedOn: { lte: period.receivedBy }, concludedSort: { gte: period.concludedFrom } });
    return { facts, source: road };
  }
  const requests = await readAll(store.collection('requests'), FACT_SOURCE_FIELDS, { receivedOn: { lte: period.receivedBy } });
  return { facts: requests.map((r) => ({ ...requestFactsOf(r), id: r.id })), source: road };
}

/** Every request has its facts record (both are only ever added, never removed), so counting both is enough. */
async function factsCoverRequests(store: Store): Promise<boolean> {
  const [requests, facts] = await Promise.all([store.collection('requests').count(), store.collection('requestFacts').count()]);
  return facts === requests;
}

export function readNotices(store: Store): Promise<Array<Stored<Notice>>> {
  return readAll(store.collection('notices'), ['kind', 'status', 'publishedAt', 'policyLevel', 'validity', 'repealedOn', 'period', 'title', 'docNumber']);
}

export function readCases(store: Store): Promise<Array<Stored<ReportCaseRecord>>> {
  return readAll(store.collection('reportCases'), undefined);
}
