import type { ErrorCode } from '../../shared/api/errors';
import { changeRecordRetrying, type Change } from '../_runtime/change-record';
import type { CollectionName, CollectionRecords } from '../_runtime/collections';
import type { FindOptions, Page, Store, Stored } from '../_runtime/store/port';

const PAGE = 100;

type RecordOf<N extends CollectionName> = Stored<CollectionRecords[N]>;

/** What a calendar change reaches in one collection, and how each record reached is decided again. */
export interface OpenRecords<N extends CollectionName, P> {
  collection: N;
  notFound: ErrorCode;
  /** The queries listing the records the change may reach; a record listed by two is visited once. */
  queries: ReadonlyArray<Pick<FindOptions, 'where' | 'orderBy'>>;
  /** Of the listed records, those whose date moves as listed (the others are not visited); all when absent. */
  moves?: (record: RecordOf<N>) => boolean;
  /** Read once, only when some record is to be visited (who is to be told, say): what `decide` is given. */
  prepare?: () => Promise<P>;
  /** Decided again on the record as it is now, in its own transaction; null: nothing moves. */
  decide: (current: RecordOf<N>, prepared: P) => Change<CollectionRecords[N]> | null;
}

/**
 * After a calendar change: the open records it may reach are listed first, then each is its own
 * change on the one change road (CloudBase transactions address documents by id). Someone saving
 * the same record meanwhile wins and the decision is made again on the fresh version; one closed
 * or answered since it was listed is left alone by `decide`. Answers how many moved.
 */
export async function recomputeOpen<N extends CollectionName, P = undefined>(store: Store, open: OpenRecords<N, P>): Promise<number> {
  const ids = new Set<string>();
  for (const { where, orderBy } of open.queries) {
    let cursor: string | null = null;
    do {
      const page: Page<RecordOf<N>> = await store.collection(open.collection).find({ where, orderBy, limit: PAGE, cursor });
      for (const r of page.items) if (!open.moves || open.moves(r)) ids.add(r.id);
      cursor = page.nextCursor;
    } while (cursor);
  }
  if (ids.size === 0) return 0;

  const prepared = (await open.prepare?.()) as P;
  let moved = 0;
  for (const id of ids) {
    const { changed } = await changeRecordRetrying(store, { collection: open.collection, id, notFound: open.notFound, decide: (current) => open.decide(current, prepared) });
    if (changed) moved += 1;
  }
  return moved;
}
