import type { Notice } from '../../shared/notices/notice-schema';
import { FACT_SOURCE_FIELDS, requestFactsOf } from '../../shared/reports/request-facts';
import type { CountedRequest, RecordRef } from '../../shared/reports/requests-table';
import type { ReportCaseRecord } from '../../shared/reports/report-record';
import { readAll, readPages } from '../_runtime/read-all';
import type { FindOptions, Store, Stored } from '../_runtime/store/port';

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
 * rewrites in its own transaction, by their index on (concludedSort, receivedOn): the period's range of it, in
 * its order, so a year in a store of many is read without passing over the years concluded before
 * it. A store written before they existed (or restored from such a backup) has requests without
 * them: then, and only then, the same facts are derived from the requests themselves, slower but
 * the same figures. `source` forces one road (tests, the bench).
 *
 * Each page goes to `take` as it is read and nothing is kept here, so a caller that counts as it
 * goes never holds the whole period (readRequestFacts collects it for those that need the list).
 *
 * In `concludedSort` order a request concluded or reopened while the pages are read moves: reopened,
 * it may be read twice (countedOnce names it); concluded just then, it is missed only if the read is
 * at that moment past that day's other conclusions and not yet at the open ones. Either way the
 * next computation is right again.
 */
export async function eachRequestFactsPage(
  store: Store,
  period: { receivedBy: string; concludedFrom: string },
  take: (facts: CountedRequest[]) => void,
  source?: FactsSource,
): Promise<FactsSource> {
  const road = source ?? ((await factsCoverRequests(store)) ? 'facts' : 'records');
  if (road === 'facts') {
    for await (const page of readPages(store.collection('requestFacts'), factsQuery(period))) take(page);
    return road;
  }
  for await (const page of readPages(store.collection('requests'), { fields: FACT_SOURCE_FIELDS, where: { receivedOn: { lte: period.receivedBy } } })) {
    take(page.map((r) => ({ ...requestFactsOf(r), id: r.id })));
  }
  return road;
}

/**
 * The read of a period's facts: the range of the requestFacts index (concludedSort, receivedOn, id)
 * from the period's first day, in its order, so the filter on receivedOn is decided in the index too.
 */
export function factsQuery(period: { receivedBy: string; concludedFrom: string }) {
  return {
    where: { concludedSort: { gte: period.concludedFrom }, receivedOn: { lte: period.receivedBy } },
    orderBy: [['concludedSort', 'asc'], ['receivedOn', 'asc']] as FindOptions['orderBy'],
  };
}

/** The facts of a period (eachRequestFactsPage), collected: for the statistics, which sort handling times. */
export async function readRequestFacts(
  store: Store,
  period: { receivedBy: string; concludedFrom: string },
  source?: FactsSource,
): Promise<{ facts: CountedRequest[]; source: FactsSource }> {
  const facts: CountedRequest[] = [];
  const road = await eachRequestFactsPage(store, period, (page) => {
    for (const f of page) facts.push(f);
  }, source);
  return { facts, source: road };
}

/**
 * Fills in the tracking number of each request a check names (the compact records do not hold it),
 * from the requests themselves: a handful in a sound year, read a hundred at a time.
 */
export async function nameRequests(store: Store, refs: RecordRef[]): Promise<void> {
  const unnamed = refs.filter((ref) => !ref.trackingNumber);
  const ids = [...new Set(unnamed.map((ref) => ref.id))];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 100) {
    const batch = ids.slice(i, i + 100);
    const { items } = await store.collection('requests').find({ where: { id: { in: batch } }, orderBy: [], limit: batch.length, fields: ['trackingNumber'] });
    for (const r of items) names.set(r.id, r.trackingNumber);
  }
  // A request gone since (erased) keeps its id as its name, so the check still says which.
  for (const ref of unnamed) ref.trackingNumber = names.get(ref.id) ?? ref.id;
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
