import type { CollectionName } from '../collections';
import type { Store } from './port';

/** Which of `ids` are records of `collection` already: one query, reading ids only (a projection). */
export async function existingIds(store: Store, collection: CollectionName, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const page = await store.collection(collection).find({ where: { id: { in: ids } }, orderBy: [['id', 'asc']], limit: ids.length, fields: [] });
  return new Set(page.items.map((r) => r.id));
}
