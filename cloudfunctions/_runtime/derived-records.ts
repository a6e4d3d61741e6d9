import { requestFactsOf, sameFacts } from '../../shared/reports/request-facts';
import type { RequestRecord } from '../../shared/requests/request-record';
import type { CollectionName, CollectionRecords } from './collections';
import type { Collection, Page, Store, Stored, Transaction } from './store/port';

/**
 * Records derived from another record and rewritten with it, in the same
 * transaction, whichever road the change took: the change road
 * (change-record.ts) calls `keepDerived` after every write, and the two
 * places that insert a request (an application, the demo seed) call it after
 * their insert. So a derived record can never say something its source no
 * longer does, and a reader may trust it instead of reading the source.
 */
type Keeper<N extends CollectionName> = (tx: Transaction, saved: Stored<CollectionRecords[N]>) => Promise<void>;

const KEEPERS: { [N in CollectionName]?: Keeper<N> } = {
  requests: keepRequestFacts,
};

export async function keepDerived<N extends CollectionName>(tx: Transaction, collection: N, saved: Stored<CollectionRecords[N]>): Promise<void> {
  const keeper = KEEPERS[collection] as Keeper<N> | undefined;
  if (keeper) await keeper(tx, saved);
}

/** The report's compact record of a request (request-facts.ts), written only when what it says changed. */
export async function keepRequestFacts(tx: Transaction, request: Stored<RequestRecord>): Promise<void> {
  const facts = tx.collection('requestFacts');
  const next = requestFactsOf(request);
  const stored = await facts.get(request.id);
  if (!stored) await facts.insert({ ...next, id: request.id });
  else if (!sameFacts(stored, next)) await facts.update(request.id, stored.version, next);
}

/**
 * Writes the facts of requests that have none: a store written before they existed, or restored from
 * such a backup. The local cloud runs it whole at start; on CloudBase the job fill-request-facts runs
 * it `limit` requests at a time (a timer's function has seconds, not minutes). Until every request
 * has its facts the report counts from the requests themselves (report-sources.ts), so nothing is
 * ever miscounted meanwhile. Answers how many it wrote and whether some are still missing.
 */
export async function fillMissingRequestFacts(store: Store, limit = Infinity): Promise<{ written: number; more: boolean }> {
  const [requests, facts] = await Promise.all([store.collection('requests').count(), store.collection('requestFacts').count()]);
  // Both are only ever added, never removed: equal counts mean every request has its facts.
  if (requests === facts) return { written: 0, more: false };
  const have = new Set(await idsOf(store.collection('requestFacts')));
  let written = 0;
  for (const id of await idsOf(store.collection('requests'))) {
    if (have.has(id)) continue;
    if (written >= limit) return { written, more: true };
    await store.transaction(async (tx) => {
      const request = await tx.collection('requests').get(id);
      if (request) await keepRequestFacts(tx, request);
    });
    written += 1;
  }
  return { written, more: false };
}

/** Every id of a collection, read page by page without the documents. */
async function idsOf(collection: Collection<unknown>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Stored<unknown>> = await collection.find({ orderBy: [], limit: 1000, cursor, fields: [] });
    for (const r of page.items) ids.push(r.id);
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}
