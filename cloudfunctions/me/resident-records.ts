import type { CollectionName, CollectionRecords } from '../_runtime/collections';
import type { SortDirection, Store, Stored, Where } from '../_runtime/store/port';

/**
 * Where a resident's records are, by OPENID: one place, so `me.data` shows and `me.erase` removes
 * exactly the same set. A collection that stores a resident's OPENID (or a value derived from it)
 * and is not named here is a gap the erasure test finds by scanning the database file.
 */
export const RESIDENT_RECORDS = {
  /** Their applications: anonymised, never removed (条例 Art. 45). */
  requests: { where: (openid: string) => ({ ownerOpenid: openid }), order: ['submittedAt', 'asc'] },
  /** Their inquiries and complaints: anonymised, never removed (件件有记录). */
  inquiries: { where: (openid: string) => ({ ownerOpenid: openid }), order: ['submittedAt', 'asc'] },
  /** Their ratings: kept for the figures without the link to them. */
  ratings: { where: (openid: string) => ({ raterOpenid: openid }), order: ['createdAt', 'asc'] },
  /** Their opinions on consultations: published ones stay public, without the link to them. */
  noticeComments: { where: (openid: string) => ({ author: openid }), order: ['createdAt', 'asc'] },
  /** Files they attached (a supplement): kept with the request, without the link to them. */
  files: { where: (openid: string) => ({ uploadedBy: openid }), order: ['createdAt', 'asc'] },
  /** Removed outright: */
  subscriptions: { where: (openid: string) => ({ openid }), order: ['createdAt', 'asc'] },
  /** Unsubscribed rows keep the OPENID behind `off:`. */
  offSubscriptions: { where: (openid: string) => ({ openid: `off:${openid}` }), order: ['createdAt', 'asc'] },
  grants: { where: (openid: string) => ({ openid }), order: ['updatedAt', 'asc'] },
  inbox: { where: (openid: string) => ({ openid }), order: ['createdAt', 'asc'] },
  /** Which bulletins they read (bulletins themselves are the bureau's, kept once for all subscribers). */
  readMarks: { where: (openid: string) => ({ openid }), order: ['readAt', 'asc'] },
  deliveries: { where: (openid: string) => ({ openid }), order: ['createdAt', 'asc'] },
  outbox: { where: (openid: string) => ({ 'audience.openid': openid }), order: ['createdAt', 'asc'] },
  wechatRecorded: { where: (openid: string) => ({ touser: openid }), order: ['at', 'asc'] },
} as const;

type Key = keyof typeof RESIDENT_RECORDS;
const COLLECTION_OF = {
  requests: 'requests',
  inquiries: 'inquiries',
  ratings: 'ratings',
  noticeComments: 'noticeComments',
  files: 'files',
  subscriptions: 'subscriptions',
  offSubscriptions: 'subscriptions',
  grants: 'grants',
  inbox: 'inbox',
  readMarks: 'readMarks',
  deliveries: 'deliveries',
  outbox: 'outbox',
  wechatRecorded: 'wechatRecorded',
} as const satisfies Record<Key, CollectionName>;

type RecordOf<K extends Key> = CollectionRecords[(typeof COLLECTION_OF)[K]];

/** Every record of `key` the resident has, oldest first, paged through (a resident may have thousands of messages). */
export async function residentRecords<K extends Key>(store: Store, key: K, openid: string): Promise<Array<Stored<RecordOf<K>>>> {
  const spec = RESIDENT_RECORDS[key];
  return findAll(store, COLLECTION_OF[key], spec.where(openid) as Where, [spec.order[0], spec.order[1]]) as Promise<Array<Stored<RecordOf<K>>>>;
}

/** `find` page after page until the end. */
export async function findAll<N extends CollectionName>(
  store: Store,
  collection: N,
  where: Where,
  order: [string, SortDirection],
): Promise<Array<Stored<CollectionRecords[N]>>> {
  const all: Array<Stored<CollectionRecords[N]>> = [];
  let cursor: string | null = null;
  do {
    const page = await store.collection(collection).find({ where, orderBy: [order], limit: 500, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

export function collectionOf(key: Key): CollectionName {
  return COLLECTION_OF[key];
}
