import type { NameOf, Store } from './store/port';
import type { CollectionRecords } from './collections';

/**
 * A read's whole answer, remembered by the store until one of the collections it was worked out from
 * changes (the SQLite adapter: a repeated staff queue or notice list is then one lookup instead of a
 * handful of reads and the rows built from them); a store that cannot know of every change works it
 * out every time. `key` must name everything else the answer depends on: the input, the caller's
 * scope (departments, role), today. The answer comes back frozen: it is shared.
 */
export function rememberedAnswer<R>(store: Store, collections: readonly NameOf<CollectionRecords>[], key: string, compute: () => Promise<R>): Promise<R> {
  return store.remember ? store.remember(collections, key, compute) : compute();
}
