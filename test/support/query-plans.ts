import type Database from 'better-sqlite3';
import type { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';

export interface QueryPlan {
  table: string;
  sql: string;
  /** SQLite's EXPLAIN QUERY PLAN, one detail per line. */
  plan: string[];
}

/**
 * Records the SELECTs `work` makes the store run (each statement SQLite prepares: the store's cache of
 * prepared statements is emptied first, so statements prepared before are prepared again, and so is its
 * cache of remembered reads, so a query asked before reaches SQLite again) and answers
 * SQLite's plan for each, with NULL for every parameter: the plan of a json_extract filter does not
 * depend on the values.
 */
export async function queryPlansOf(store: SqliteStore, work: () => Promise<unknown>): Promise<QueryPlan[]> {
  const seen: string[] = [];
  (store as unknown as { statements: { clear(): void } }).statements.clear();
  (store as unknown as { reads: { clear(): void } }).reads.clear();
  const restore = await store.withConnection((db) => {
    const original = db.prepare.bind(db);
    (db as { prepare: Database.Database['prepare'] }).prepare = ((sql: string) => {
      if (/^SELECT\b/i.test(sql)) seen.push(sql);
      return original(sql);
    }) as Database.Database['prepare'];
    return () => {
      delete (db as Partial<Database.Database>).prepare;
    };
  });
  try {
    await work();
  } finally {
    await store.withConnection(() => restore());
  }
  return store.withConnection((db) =>
    [...new Set(seen)].map((sql) => {
      const nulls = new Array((sql.match(/\?/g) ?? []).length).fill(null);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...nulls) as Array<{ detail: string }>).map((r) => r.detail);
      return { table: /FROM "([^"]+)"/.exec(sql)?.[1] ?? '?', sql, plan };
    }),
  );
}

/**
 * The plan lines that read a whole table or sort outside an index: what an index should have spared.
 * A sort of only the LAST term (the `id` tie-break among rows equal on every indexed sort field, e.g.
 * one subject's events at one millisecond) is not counted: the index already gave the order.
 */
export function unindexedSteps(plan: QueryPlan): string[] {
  return plan.plan.filter((line) => /^SCAN \S+$/.test(line.trim()) || (/TEMP B-TREE/.test(line) && !/LAST TERM OF ORDER BY/.test(line)));
}
