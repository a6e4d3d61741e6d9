import type Database from 'better-sqlite3';

/**
 * The SQLite adapter's memory of recent finds, so that the pages every
 * resident opens (the newest notices of a kind, page one of a guide list) are
 * not read and decoded from the database again until something changes them.
 * Profiling `notices.list` showed most of its time in SQLite reading 2,000-
 * character documents off overflow pages to pick a summary's fields out of
 * them; a page seen a moment ago needs none of that.
 *
 * Correctness rests on knowing every change:
 * - every write through the port bumps its collection's generation, and an
 *   entry answers only at the generation it was read at;
 * - writes made with the raw connection (`withConnection`) are seen through
 *   SQLite's change count, and clear everything;
 * - another process writing the same file is seen through `PRAGMA
 *   data_version`, checked before a cached answer (at most every 20 ms), and
 *   clears everything.
 * Raw reads beside the port (the search index) may be remembered too, naming
 * the collections they depend on.
 * Only finds outside transactions are answered from or added to the cache:
 * a transaction may read its own uncommitted writes, which must never be
 * remembered. Entries hold the stored JSON text, so every caller still gets
 * fresh objects it may change at will. Bounded by total text size.
 *
 * Beside the rows it keeps whole answers worked out from them (`answer`: the staff queue's first
 * page, a notice list page, who a caller is), stamped with the generations of the collections they
 * were worked out from as they stood BEFORE the work began: a change that lands while the work is
 * under way leaves a stamp that never matches again, so an answer is never newer in its stamp than in
 * its content. A clear (raw write, another process) moves an epoch that is part of every stamp. Such
 * answers are frozen and shared by everyone who asks, so a repeated read is one map lookup; callers
 * asking while one is being worked out wait for that same work rather than repeating it.
 */
export const OTHER_WRITERS_CHECK_MS = 20;

/** Answers kept at most (oldest out first): queue pages per department and filter, list pages per kind… */
const MAX_ANSWERS = 1_000;

/** Freezes an answer and everything in it, so that no holder can change what the others are handed. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}

export class SqliteReadCache {
  private readonly generations = new Map<string, number>();
  private readonly entries = new Map<string, { generations: string; rows: string[]; bytes: number }>();
  private bytes = 0;
  private dataVersion: number | null = null;
  private checkedAt = -Infinity;
  private readonly dataVersionOf: Database.Statement;
  private readonly changesOf: Database.Statement;
  /** Moves on every clear, so an answer begun before one never matches after it. */
  private epoch = 0;
  private readonly answers = new Map<string, { stamp: string; value: Promise<unknown> }>();

  constructor(db: Database.Database, private readonly maxBytes = 16 * 1024 * 1024) {
    this.dataVersionOf = db.prepare('PRAGMA data_version').pluck();
    this.changesOf = db.prepare('SELECT total_changes() AS n');
  }

  /** The collection changed (or may have): its cached finds no longer answer. */
  bump(collection: string): void {
    this.generations.set(collection, (this.generations.get(collection) ?? 0) + 1);
  }

  /** The rows remembered under `key`, if none of the collections they were read from has changed since. */
  lookup(collections: readonly string[], key: string): string[] | null {
    this.noticeOtherWriters();
    const entry = this.entries.get(this.idOf(collections, key));
    if (!entry || entry.generations !== this.generationsOf(collections)) return null;
    return entry.rows;
  }

  remember(collections: readonly string[], key: string, rows: string[]): void {
    const size = rows.reduce((sum, row) => sum + row.length, key.length);
    if (size > this.maxBytes / 8) return; // one huge page would push out everything else
    const id = this.idOf(collections, key);
    this.forget(id);
    while (this.bytes + size > this.maxBytes && this.entries.size) this.forget(this.entries.keys().next().value as string);
    this.entries.set(id, { generations: this.generationsOf(collections), rows, bytes: size });
    this.bytes += size;
  }

  /**
   * The answer `compute` gives, remembered under `key` until one of `collections` changes. The answer
   * is deep-frozen (everyone who asks gets the same object); a failure is not remembered.
   */
  answer<R>(collections: readonly string[], key: string, compute: () => Promise<R>): Promise<R> {
    this.noticeOtherWriters();
    const id = this.idOf(collections, key);
    const stamp = this.stampOf(collections);
    const known = this.answers.get(id);
    if (known && known.stamp === stamp) return known.value as Promise<R>;
    const value = compute().then(deepFreeze);
    const entry = { stamp, value };
    this.answers.delete(id);
    if (this.answers.size >= MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(id, entry);
    value.catch(() => {
      if (this.answers.get(id) === entry) this.answers.delete(id);
    });
    return value;
  }

  /** Runs raw work on the connection; if it wrote anything, nothing remembered is trusted any more. */
  guardRaw<R>(op: () => R): { result: R; wrote: boolean } {
    const before = this.totalChanges();
    let wrote = true;
    try {
      const result = op();
      wrote = this.totalChanges() !== before;
      return { result, wrote };
    } finally {
      if (wrote) this.clear();
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
    this.answers.clear();
    this.epoch += 1;
  }

  private idOf(collections: readonly string[], key: string): string {
    return `${collections.join(',')}\u0000${key}`;
  }

  private generationsOf(collections: readonly string[]): string {
    return collections.map((c) => this.generations.get(c) ?? 0).join(',');
  }

  private stampOf(collections: readonly string[]): string {
    return `${this.epoch};${this.generationsOf(collections)}`;
  }

  private forget(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.bytes -= entry.bytes;
  }

  private totalChanges(): number {
    return (this.changesOf.get() as { n: number }).n;
  }

  /**
   * `data_version` moves when another connection commits to the file (not for this connection's own
   * writes). Asking costs a few microseconds of locking, more than a cached answer itself, so it is
   * asked at most every OTHER_WRITERS_CHECK_MS: another process's commit shows within that time.
   */
  private noticeOtherWriters(): void {
    const now = performance.now();
    if (now - this.checkedAt < OTHER_WRITERS_CHECK_MS) return;
    this.checkedAt = now;
    const version = this.dataVersionOf.get() as number;
    if (this.dataVersion !== null && version !== this.dataVersion) this.clear();
    this.dataVersion = version;
  }
}
