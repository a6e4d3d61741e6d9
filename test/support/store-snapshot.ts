import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/_runtime/collections';
import type { CloudHarness } from './cloud-harness';

/** The last snapshot per connection and the change count it was taken at. */
const SNAPSHOTS = new WeakMap<object, { changes: number; text: string }>();

/**
 * Every record of every declared collection, as one string: a call that must
 * write nothing leaves it identical. Counts alone miss an update in place;
 * this does not.
 *
 * Over SQLite it is computed in SQL (ids, versions and the stored document
 * text of every row, concatenated), which keeps the property tests fast
 * however much demo data the features seed; any other store is read through
 * the port. Every write through the port bumps a version or adds an id, and
 * changes the document, so nothing a write can do escapes either form.
 */
export async function storeSnapshot(cloud: CloudHarness): Promise<string> {
  const store = cloud.store as unknown as { withConnection?: <R>(op: (db: any) => R) => Promise<R> };
  if (typeof store.withConnection === 'function') {
    return store.withConnection((db) => {
      // SQLite counts every row inserted, updated or deleted on this connection (rolled-back ones
      // too). While that count stands still nothing can have changed, so the last snapshot is still
      // the truth and the property suites need not re-read every table around each of their calls.
      const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      const cached = SNAPSHOTS.get(db);
      if (cached && cached.changes === changes) return cached.text;
      const text = Object.keys(COLLECTIONS)
        .map((name) => {
          const row = db.prepare(`SELECT count(*) AS n, group_concat(id || ':' || version || ':' || doc, '\n') AS rows FROM (SELECT id, version, doc FROM "${name}" ORDER BY id)`).get() as { n: number; rows: string | null };
          return `${name}(${row.n})\n${row.rows ?? ''}`;
        })
        .join('\n');
      SNAPSHOTS.set(db, { changes, text });
      return text;
    });
  }
  const all: Record<string, unknown[]> = {};
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
    const rows: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = await cloud.store
        .collection(name)
        .find({ orderBy: [['id', 'asc']], limit: 1000, cursor });
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    all[name] = rows;
  }
  return JSON.stringify(all);
}
