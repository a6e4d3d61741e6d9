import Database from 'better-sqlite3';
import { registerSearchGrams } from './search-grams';
import { decodeCursor, keysetAlternatives, keysetLead, pageOf, sortOrder, type KeysetBound, type KeysetTerm } from './cursor';
import { indexName } from './index-name';
import { newId } from './new-id';
import { SqliteReadCache } from './sqlite-read-cache';
import { TransactionScope } from './transaction-scope';
import {
  applyPatch,
  assertCollectionName,
  assertFind,
  assertWhere,
  assertFieldPath,
  assertUpdatable,
  DuplicateIdError,
  isOperators,
  RecordNotFoundError,
  VersionConflictError,
  type Collection,
  type NameOf,
  type FindOptions,
  type NewRecord,
  type Operators,
  type Page,
  type Patch,
  type Scalar,
  type SortDirection,
  type Store,
  type Stored,
  type Transaction,
  type TxCollection,
  type Where,
} from './port';
import type { CollectionRecords, IndexDeclarations } from '../collections';

/**
 * The local cloud's store: one SQLite table per collection, each row the JSON
 * document plus its id and version. WAL lets the HTTP server read while the
 * dispatcher writes; writes are serialised by SQLite itself.
 *
 * better-sqlite3 is synchronous but our port is async, so two requests served
 * at once could interleave their awaits on the one connection: a plain write
 * from request B would slip into request A's open transaction and be rolled
 * back with it. A promise-chain lock therefore serialises every operation, and
 * a transaction holds the lock from BEGIN to COMMIT; its own operations run
 * unlocked because it already holds it. Calling the store itself (not the
 * transaction's collections) from inside a transaction would wait for that
 * lock forever, so it is refused at once (StoreReentryError).
 *
 * Tables: every declared collection is created when the store opens. Any
 * other collection (tests use their own) is created on first use, inside the
 * lock; DDL run inside a transaction is rolled back with it, so a table only
 * counts as created once the DDL has committed.
 */
export class SqliteStore<S = CollectionRecords> implements Store<S> {
  private readonly db: Database.Database;
  private readonly statements: StatementCache;
  private readonly reads: SqliteReadCache;
  /** Tables whose CREATE has committed. */
  private readonly known = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly scope = new TransactionScope();

  /** `filename` may also be the bytes of a database (from `serialize()`), opened as a private in-memory copy: tests start from one prepared image. */
  constructor(filename: string | Buffer, private readonly indexes: IndexDeclarations = {}) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // Content freed by an update or a delete is zeroed, not left in free space for anyone who reads the
    // file: a resident's erased name, ID number and phone must not survive in the bytes (see purgeFreed).
    this.db.pragma('secure_delete = ON');
    // Before any write: the FAQ index's triggers call it (search-grams.ts).
    registerSearchGrams(this.db);
    this.statements = new StatementCache(this.db);
    this.reads = new SqliteReadCache(this.db);
    for (const name of Object.keys(indexes)) this.ensureTable(name);
  }

  collection<N extends NameOf<S>>(name: N): Collection<S[N]> {
    assertCollectionName(name);
    return new SqliteCollection<S[N]>(this.statements, name, { reads: this.reads, cacheFinds: true }, <R>(op: () => Promise<R>) => {
      try {
        this.scope.refuseInside(`store.collection('${name}')`);
      } catch (error) {
        return Promise.reject(error);
      }
      return this.exclusive(() => {
        this.ensureTable(name);
        return op();
      });
    });
  }

  transaction<R>(work: (tx: Transaction<S>) => Promise<R>): Promise<R> {
    try {
      this.scope.refuseInside('store.transaction()');
    } catch (error) {
      return Promise.reject(error);
    }
    return this.exclusive(() =>
      this.scope.run(async (guard) => {
        const created: string[] = [];
        const tx: Transaction<S> = {
          collection: <N extends NameOf<S>>(name: N): TxCollection<S[N]> => {
            assertCollectionName(name);
            // Inside a transaction finds may see uncommitted writes: they are never cached (writes still bump).
            return new SqliteCollection<S[N]>(this.statements, name, { reads: this.reads, cacheFinds: false }, <Q>(op: () => Promise<Q>) => {
              try {
                guard();
              } catch (error) {
                return Promise.reject(error);
              }
              if (this.createTable(name)) created.push(name);
              return op();
            });
          },
        };
        this.db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(tx);
          this.db.exec('COMMIT');
          for (const name of created) this.known.add(name);
          return result;
        } catch (error) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          this.statements.clear(); // some may name a table the rollback removed
          throw error;
        }
      }),
    );
  }

  /** Runs `op` after every operation queued before it; a failure does not block the queue. */
  private exclusive<R>(op: () => Promise<R>): Promise<R> {
    const run = this.queue.then(op, op);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The connection under the store's lock, for local-only features beside the port (the search index,
   * sqlite-search.ts). A read-only `op` may name what it depends on (`remember`): its JSON result is then
   * kept in the read cache and served until one of those collections changes.
   */
  withConnection<R>(op: (db: Database.Database) => R, remember?: { collections: readonly string[]; key: string }): Promise<R> {
    try {
      this.scope.refuseInside('store.withConnection()');
    } catch (error) {
      return Promise.reject(error);
    }
    return this.exclusive(async () => {
      const hit = remember ? this.reads.lookup(remember.collections, remember.key) : null;
      if (hit) return JSON.parse(hit[0]) as R;
      const { result, wrote } = this.reads.guardRaw(() => op(this.db));
      if (remember && !wrote) this.reads.remember(remember.collections, remember.key, [JSON.stringify(result)]);
      return result;
    });
  }

  /**
   * An answer worked out from `collections`, kept until one of them changes (sqlite-read-cache.ts).
   * Inside a transaction nothing is kept: its reads may see its own uncommitted writes.
   */
  remember<R>(collections: readonly NameOf<S>[], key: string, compute: () => Promise<R>): Promise<R> {
    if (this.scope.inside()) return compute();
    return this.reads.answer(collections, key, compute);
  }

  /**
   * After an erasure: copies the write-ahead log into the database and empties it, so no earlier
   * page image (which may hold what was just erased) stays in the `-wal` file. With secure_delete the
   * database file itself then holds none either. Answers whether the log was emptied completely.
   */
  purgeFreed(): Promise<boolean> {
    try {
      this.scope.refuseInside('store.purgeFreed()');
    } catch (error) {
      return Promise.reject(error);
    }
    return this.exclusive(async () => {
      const [row] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      return row.busy === 0;
    });
  }

  close(): void {
    this.db.close();
  }

  /** Creates the table outside any transaction, so the creation is durable at once. */
  private ensureTable(name: string): void {
    if (this.createTable(name)) this.known.add(name);
  }

  /** Runs the table's DDL unless known; true if it ran. Inside a transaction it commits or rolls back with it. */
  private createTable(name: string): boolean {
    if (this.known.has(name)) return false;
    assertCollectionName(name);
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS "${name}" (id TEXT PRIMARY KEY, version INTEGER NOT NULL, doc TEXT NOT NULL)`,
    );
    for (const fields of this.indexes[name] ?? []) {
      fields.forEach(assertFieldPath);
      const columns = fields.map(columnExpression).join(', ');
      this.db.exec(`CREATE INDEX IF NOT EXISTS "${indexName(name, fields)}" ON "${name}" (${columns})`);
    }
    return true;
  }
}

type Runner = <R>(op: () => Promise<R>) => Promise<R>;

/**
 * Prepared statements, kept by their SQL: preparing costs about as much as
 * running a small insert, and a bulletin's fan-out runs the same few
 * statements a hundred thousand times. Bounded, since IN lists vary.
 */
class StatementCache {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}

  prepare(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      if (this.cache.size >= 500) this.cache.clear();
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  clear(): void {
    this.cache.clear();
  }
}

class SqliteCollection<T> implements Collection<T> {
  constructor(
    private readonly db: StatementCache,
    private readonly name: string,
    private readonly cache: { reads: SqliteReadCache; cacheFinds: boolean },
    private readonly run: Runner,
  ) {}

  get(id: string): Promise<Stored<T> | null> {
    return this.run(async () => (this.cache.cacheFinds ? this.readRemembered(id) : this.read(id)));
  }

  /** A read by id outside a transaction (e.g. the caller's staff record on every call), remembered like finds. */
  private readRemembered(id: string): Stored<T> | null {
    const key = `get:${id}`;
    let texts = this.cache.reads.lookup([this.name], key);
    if (!texts) {
      const row = this.db.prepare(`SELECT doc FROM "${this.name}" WHERE id = ?`).get(id) as { doc: string } | undefined;
      texts = row ? [row.doc] : [];
      this.cache.reads.remember([this.name], key, texts);
    }
    return texts.length ? (JSON.parse(texts[0]) as Stored<T>) : null;
  }

  private read(id: string): Stored<T> | null {
    const row = this.db.prepare(`SELECT doc FROM "${this.name}" WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Stored<T>) : null;
  }

  insert(record: NewRecord<T>): Promise<Stored<T>> {
    return this.run(async () => this.write(record));
  }

  private write(record: NewRecord<T>): Stored<T> {
    const stored = { ...record, id: record.id ?? newId(), version: 1 } as Stored<T>;
    this.cache.reads.bump(this.name);
    try {
      this.db
        .prepare(`INSERT INTO "${this.name}" (id, version, doc) VALUES (?, 1, ?)`)
        .run(stored.id, JSON.stringify(stored));
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new DuplicateIdError(this.name, stored.id);
      }
      throw error;
    }
    return stored;
  }

  update(id: string, expectedVersion: number, patch: Patch<T>): Promise<Stored<T>> {
    return this.run(async () => this.rewrite(id, expectedVersion, patch));
  }

  private rewrite(id: string, expectedVersion: number, patch: Patch<T>): Stored<T> {
    assertUpdatable(this.name, id);
    const current = this.read(id);
    if (!current) throw new RecordNotFoundError(this.name, id);
    if (current.version !== expectedVersion) throw new VersionConflictError(this.name, id);
    const next = applyPatch(current, patch, expectedVersion + 1);
    this.cache.reads.bump(this.name);
    const result = this.db
      .prepare(`UPDATE "${this.name}" SET version = ?, doc = ? WHERE id = ? AND version = ?`)
      .run(next.version, JSON.stringify(next), id, expectedVersion);
    if (result.changes !== 1) throw new VersionConflictError(this.name, id);
    return next;
  }

  delete(id: string, expectedVersion: number): Promise<void> {
    return this.run(async () => this.remove(id, expectedVersion));
  }

  private remove(id: string, expectedVersion: number): void {
    assertUpdatable(this.name, id);
    const current = this.read(id);
    if (!current) throw new RecordNotFoundError(this.name, id);
    if (current.version !== expectedVersion) throw new VersionConflictError(this.name, id);
    this.cache.reads.bump(this.name);
    const result = this.db.prepare(`DELETE FROM "${this.name}" WHERE id = ? AND version = ?`).run(id, expectedVersion);
    if (result.changes !== 1) throw new VersionConflictError(this.name, id);
  }

  find(options: FindOptions): Promise<Page<Stored<T>>> {
    return this.run(async () => this.select(options));
  }

  private select(options: FindOptions): Page<Stored<T>> {
    assertFind(options);
    const params: unknown[] = [];
    const order = sortOrder(options);
    // The cursor's clause first: given two bounds on the same indexed field (the filter's `from` and
    // the cursor's), SQLite enters the index at the first one it is given, so a page starts at the
    // cursor rather than at the filter's first row.
    const clauses = options.cursor ? [keysetClause(order, decodeCursor(options.cursor, options, this.name), params)] : [];
    clauses.push(...whereClauses(options.where ?? {}, params));
    const sql =
      `SELECT ${options.fields ? projectionOf(options.fields, order) : 'doc'} AS doc FROM "${this.name}"` +
      (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '') +
      ` ORDER BY ${order.map(([f, d]) => `${columnExpression(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`).join(', ')}` +
      ` LIMIT ?`;
    params.push(options.limit + 1);
    const key = this.cache.cacheFinds && !options.passing ? JSON.stringify(options) : null;
    let texts = key === null ? null : this.cache.reads.lookup([this.name], key);
    if (!texts) {
      texts = (this.db.prepare(sql).pluck().all(...params) as string[]);
      if (key !== null) this.cache.reads.remember([this.name], key, texts);
    }
    return pageOf(texts.map((text) => JSON.parse(text) as Stored<T>), options, this.name);
  }

  count(where: Where = {}): Promise<number> {
    return this.run(async () => this.tally(where));
  }

  private tally(where: Where): number {
    assertWhere(where);
    const params: unknown[] = [];
    const clauses = whereClauses(where, params);
    const sql = `SELECT COUNT(*) AS n FROM "${this.name}"` + (clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '');
    // Counts are remembered like finds (the staff queue counts provisional due dates on every call).
    const key = this.cache.cacheFinds ? `count:${JSON.stringify(where)}` : null;
    const known = key === null ? null : this.cache.reads.lookup([this.name], key);
    if (known) return Number(known[0]);
    const n = (this.db.prepare(sql).get(...params) as { n: number }).n;
    if (key !== null) this.cache.reads.remember([this.name], key, [String(n)]);
    return n;
  }
}

function columnExpression(field: string): string {
  assertFieldPath(field);
  if (field === 'id') return 'id';
  if (field === 'version') return 'version';
  return `json_extract(doc, '$.${field}')`;
}

/** SQLite's JSON functions give booleans back as 1/0, so parameters must match. */
function sqlValue(value: Scalar): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function whereClauses(where: Where, params: unknown[]): string[] {
  const clauses: string[] = [];
  for (const [field, condition] of Object.entries(where)) {
    const column = columnExpression(field);
    const ops: Operators = isOperators(condition) ? condition : { eq: condition };
    for (const [op, value] of Object.entries(ops) as Array<[keyof Operators, Scalar | Scalar[]]>) {
      clauses.push(operatorClause(column, op, value, params));
    }
  }
  return clauses;
}

function operatorClause(column: string, op: keyof Operators, value: Scalar | Scalar[], params: unknown[]): string {
  if (op === 'in') {
    const list = value as Scalar[];
    if (list.length === 0) return '0';
    params.push(...list.map(sqlValue));
    return `${column} IN (${list.map(() => '?').join(', ')})`;
  }
  const scalar = value as Scalar;
  if (scalar === null) {
    if (op === 'eq') return `${column} IS NULL`;
    if (op === 'ne') return `${column} IS NOT NULL`;
    throw new Error(`operator ${op} cannot compare with null`);
  }
  params.push(sqlValue(scalar));
  const sqlOp = { eq: '=', ne: 'IS NOT', gt: '>', gte: '>=', lt: '<', lte: '<=' }[op];
  return `${column} ${sqlOp} ?`;
}

const KEYSET_OPS = { eq: '=', lt: '<', gt: '>', lte: '<=', gte: '>=' } as const;

/** Rows strictly after the cursor: the first sort field's bound (keysetLead: the index is entered there), then the alternatives. */
function keysetClause(order: Array<[string, SortDirection]>, values: Scalar[], params: unknown[]): string {
  const term = ({ field, op, value }: KeysetTerm | KeysetBound) => {
    params.push(sqlValue(value));
    return `${columnExpression(field)} ${KEYSET_OPS[op]} ?`;
  };
  const lead = keysetLead(order, values);
  const bound = lead ? `${term(lead)} AND ` : '';
  const alternatives = keysetAlternatives(order, values).map((terms) => `(${terms.map(term).join(' AND ')})`);
  return `(${bound}(${alternatives.join(' OR ')}))`;
}

/**
 * The JSON object of a projection, built inside SQLite: only the named fields leave the database,
 * so a list of notices neither copies nor parses their bodies.
 */
function projectionOf(fields: readonly string[], order: Array<[string, SortDirection]>): string {
  const names = new Set([...fields, ...order.map(([f]) => f.split('.')[0])]);
  names.delete('id');
  names.delete('version');
  const parts = [...names].map((name) => {
    assertFieldPath(name);
    if (name.includes('.')) throw new Error(`projected fields are top-level: ${name}`);
    return `'${name}', doc -> '$.${name}'`;
  });
  return `json_object('id', id, 'version', version${parts.length ? `, ${parts.join(', ')}` : ''})`;
}
