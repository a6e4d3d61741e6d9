import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import type { CloudHarness } from './cloud-harness';

/**
 * Every record of every declared collection, exactly as stored, as one
 * string: a call that must write nothing leaves it identical. Counts alone
 * miss an update in place; this does not.
 */
export async function storeSnapshot(cloud: CloudHarness): Promise<string> {
  const all: Record<string, unknown[]> = {};
  for (const name of Object.keys(COLLECTIONS)) {
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
