import { decodeCursor, keysetAlternatives, keysetLead, pageOf, sortOrder } from './cursor';
import { newId } from './new-id';
import { TransactionScope } from './transaction-scope';
import type { CollectionRecords } from '../collections';
import {
  applyPatch,
  assertCollectionName,
  assertFind,
  assertWhere,
  InvalidQueryError,
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

/**
 * The production store over CloudBase's document database
 * (`@cloudbase/node-sdk` → `app.database()`). Kept thin: it translates the
 * port's vocabulary into the SDK's and nothing more, and the same contract
 * suite that runs on SQLite runs on it (test/store/).
 *
 * Semantics worth knowing:
 * - Our `id` is CloudBase's `_id`.
 * - CloudBase's `update` merges nested objects field by field; the port
 *   replaces top-level fields, so object values are wrapped in `_.set()`,
 *   and `undefined` becomes `_.remove()`.
 * - Transactions address documents by id only (no queries), which is why
 *   the port's Transaction offers only get/insert/update.
 * - The SDK either throws or returns `{ code, message }`; both become throws.
 */

/** The part of the SDK's database surface this adapter uses (structural, so a fake can stand in). */
export interface CloudbaseDb {
  command: CloudbaseCommand;
  collection(name: string): CbCollection;
  createCollection(name: string): Promise<unknown>;
  runTransaction<R>(callback: (transaction: CbTransaction) => Promise<R>, times?: number): Promise<R>;
}

export interface CloudbaseCommand {
  eq(value: unknown): unknown;
  neq(value: unknown): unknown;
  in(values: unknown[]): unknown;
  gt(value: unknown): unknown;
  gte(value: unknown): unknown;
  lt(value: unknown): unknown;
  lte(value: unknown): unknown;
  and(conditions: unknown[]): unknown;
  or(conditions: unknown[]): unknown;
  set(value: unknown): unknown;
  remove(): unknown;
}

export interface CbQuery {
  where(condition: unknown): CbQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CbQuery;
  limit(n: number): CbQuery;
  get(): Promise<{ data: unknown[] }>;
  count(): Promise<{ total: number }>;
  update(data: Record<string, unknown>): Promise<{ updated?: number }>;
  remove(): Promise<{ deleted?: number }>;
  /** The SDK's projection; optional so a fake without it still serves whole documents. */
  field?(projection: Record<string, boolean>): CbQuery;
}

export interface CbDocument {
  get(): Promise<{ data: unknown }>;
  update(data: Record<string, unknown>): Promise<{ updated?: number }>;
  remove(): Promise<{ deleted?: number }>;
}

export interface CbCollection extends CbQuery {
  doc(id: string): CbDocument;
  add(data: Record<string, unknown>): Promise<{ id?: string }>;
}

export interface CbTransaction {
  collection(name: string): CbCollection;
}

type Raw = Record<string, unknown> & { _id: string };

export class CloudbaseStore<S = CollectionRecords> implements Store<S> {
  private readonly scope = new TransactionScope();

  constructor(private readonly db: CloudbaseDb) {}

  collection<N extends NameOf<S>>(name: N): Collection<S[N]> {
    assertCollectionName(name);
    // Inside a transaction a plain call would run outside it here, and deadlock on SQLite:
    // refused the same way in both adapters.
    const guard = () => this.scope.refuseInside(`store.collection('${name}')`);
    return new CloudbaseCollection<S[N]>(this.db, name, () => this.db.collection(name), false, guard);
  }

  async transaction<R>(work: (tx: Transaction<S>) => Promise<R>): Promise<R> {
    this.scope.refuseInside('store.transaction()');
    // The SDK retries the callback on DATABASE_TRANSACTION_CONFLICT (three times); our callbacks read
    // before they write, so a retry decides again on fresh data. Under real contention — thirty submits
    // taking the next number of one sequence at once — three is not enough: the conflict would reach
    // the caller as an unknown failure, where SQLite (one writer at a time) simply queues them. So a
    // conflict that outlasts the SDK's tries is tried again here after a short random pause (apart,
    // so that the same writers do not collide again in step), and one that outlasts these too is
    // answered as a version conflict: someone else's change won; decide again on fresh data.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.runTransaction((transaction) =>
          this.scope.run((guard) =>
            work({
              collection: <N extends NameOf<S>>(name: N): TxCollection<S[N]> => {
                assertCollectionName(name);
                return new CloudbaseCollection<S[N]>(this.db, name, () => transaction.collection(name), true, guard);
              },
            }),
          ),
        );
      } catch (error) {
        if (!isTransactionConflict(error)) throw error;
        if (attempt >= CONFLICT_ATTEMPTS) throw new VersionConflictError('(transaction)', String((error as { message?: unknown }).message ?? ''));
        await new Promise((resolve) => setTimeout(resolve, Math.random() * CONFLICT_PAUSE_MS * attempt));
      }
    }
  }
}

/** How often a transaction that keeps meeting conflicts is begun again, and the pause's scale (ms) between tries. */
const CONFLICT_ATTEMPTS = 12;
const CONFLICT_PAUSE_MS = 20;

class CloudbaseCollection<T> implements Collection<T> {
  constructor(
    private readonly db: CloudbaseDb,
    private readonly name: string,
    private readonly ref: () => CbCollection,
    private readonly inTransaction: boolean,
    /** Throws when this collection may not be used now (re-entry, or its transaction is over). */
    private readonly guard: () => void,
  ) {}

  async get(id: string): Promise<Stored<T> | null> {
    this.guard();
    const res = await this.read(() => this.ref().doc(id).get(), { data: [] });
    // Outside a transaction the SDK answers a list; inside one, the document or null.
    const raw = Array.isArray(res.data) ? res.data[0] : res.data;
    return raw ? fromRaw<T>(raw as Raw) : null;
  }

  async insert(record: NewRecord<T>): Promise<Stored<T>> {
    this.guard();
    const stored = { ...record, id: record.id ?? newId(), version: 1 } as Stored<T>;
    const { id, ...rest } = stored as Stored<T> & Record<string, unknown>;
    const add = () => this.ref().add({ ...withoutUndefined(rest), _id: id });
    try {
      checked(await this.ensureCollection(add));
    } catch (error) {
      if (isDuplicate(error)) throw new DuplicateIdError(this.name, id);
      throw error;
    }
    return stored;
  }

  async update(id: string, expectedVersion: number, patch: Patch<T>): Promise<Stored<T>> {
    assertUpdatable(this.name, id);
    const current = await this.get(id);
    if (!current) throw new RecordNotFoundError(this.name, id);
    if (current.version !== expectedVersion) throw new VersionConflictError(this.name, id);
    const data = this.toUpdate(patch as Record<string, unknown>, expectedVersion + 1);
    // Outside a transaction the version condition makes the write itself refuse a change made after
    // our read. Inside one, queries are not allowed, and the transaction's own conflict detection
    // covers the read-then-write.
    const res = checked(
      this.inTransaction
        ? await this.ref().doc(id).update(data)
        : await this.ref().where({ _id: id, version: expectedVersion }).update(data),
    );
    if (res.updated === 0) throw new VersionConflictError(this.name, id);
    return applyPatch(current, patch, expectedVersion + 1);
  }

  async delete(id: string, expectedVersion: number): Promise<void> {
    assertUpdatable(this.name, id);
    const current = await this.get(id);
    if (!current) throw new RecordNotFoundError(this.name, id);
    if (current.version !== expectedVersion) throw new VersionConflictError(this.name, id);
    // As in update: outside a transaction the version condition guards the write itself; inside one
    // only documents by id may be addressed, and the transaction's conflict detection covers the read.
    const res = checked(
      this.inTransaction ? await this.ref().doc(id).remove() : await this.ref().where({ _id: id, version: expectedVersion }).remove(),
    ) as { deleted?: number };
    if (res.deleted === 0) throw new VersionConflictError(this.name, id);
  }

  async find(options: FindOptions): Promise<Page<Stored<T>>> {
    this.guard();
    assertFind(options);
    const conditions = this.conditions(options.where ?? {});
    const order = sortOrder(options);
    if (options.cursor) conditions.push(this.keyset(order, decodeCursor(options.cursor, options, this.name)));
    let query: CbQuery = this.ref();
    if (conditions.length) query = query.where(this.db.command.and(conditions));
    for (const [field, direction] of order) query = query.orderBy(toCbField(field), direction);
    if (options.fields && query.field) {
      const names = [...options.fields, 'version', ...order.map(([f]) => f.split('.')[0])].map(toCbField);
      query = query.field(Object.fromEntries(names.map((name) => [name, true])));
    }
    const res = await this.read(() => query.limit(options.limit + 1).get(), { data: [] });
    return pageOf((res.data as Raw[]).map((raw) => fromRaw<T>(raw)), options, this.name);
  }

  async count(where: Where = {}): Promise<number> {
    this.guard();
    assertWhere(where);
    const conditions = this.conditions(where);
    const query: CbQuery = conditions.length ? this.ref().where(this.db.command.and(conditions)) : this.ref();
    const res = await this.read(() => query.count(), { total: 0 });
    return res.total;
  }

  private conditions(where: Where): unknown[] {
    const _ = this.db.command;
    const out: unknown[] = [];
    for (const [field, condition] of Object.entries(where)) {
      assertFieldPath(field);
      const key = toCbField(field);
      if (!isOperators(condition)) {
        out.push({ [key]: _.eq(condition) });
        continue;
      }
      for (const [op, value] of Object.entries(condition)) out.push({ [key]: this.command(op, value) });
    }
    return out;
  }

  /** One operator in the SDK's commands; assertWhere has already refused anything else. */
  private command(op: string, value: unknown): unknown {
    const _ = this.db.command;
    switch (op) {
      case 'eq': return _.eq(value);
      case 'ne': return _.neq(value);
      case 'in': return _.in(value as Scalar[]);
      case 'gt': return _.gt(value);
      case 'gte': return _.gte(value);
      case 'lt': return _.lt(value);
      case 'lte': return _.lte(value);
      default: throw new InvalidQueryError(`unknown operator ${op}`);
    }
  }

  /** Rows strictly after the cursor (see keysetAlternatives), in CloudBase's query commands; the first sort field's bound (keysetLead) lets the index be entered at the cursor. */
  private keyset(order: Array<[string, SortDirection]>, values: Scalar[]): unknown {
    const _ = this.db.command;
    const alternatives = _.or(keysetAlternatives(order, values).map((terms) => _.and(terms.map(({ field, op, value }) => ({ [toCbField(field)]: _[op](value) })))));
    const lead = keysetLead(order, values);
    return lead ? _.and([{ [toCbField(lead.field)]: _[lead.op](lead.value) }, alternatives]) : alternatives;
  }

  private toUpdate(patch: Record<string, unknown>, version: number): Record<string, unknown> {
    const _ = this.db.command;
    const data: Record<string, unknown> = { version };
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'id' || key === 'version') continue;
      assertFieldPath(key);
      if (value === undefined) data[key] = _.remove();
      else if (value !== null && typeof value === 'object') data[key] = _.set(value);
      else data[key] = value;
    }
    return data;
  }

  /** Reads of a collection that was never written answer as empty, as in SQLite. */
  private async read<R>(op: () => Promise<R>, empty: R): Promise<R> {
    try {
      return checked(await op());
    } catch (error) {
      if (isMissingCollection(error)) return empty;
      throw error;
    }
  }

  /**
   * CloudBase refuses writes to a collection that does not exist yet: create it, then retry once.
   * Whether it was created before is not remembered: a creation inside a transaction that rolled
   * back may not have lasted, and asking again costs one call only when the collection is missing.
   */
  private async ensureCollection<R>(op: () => Promise<R>): Promise<R> {
    try {
      return checked(await op());
    } catch (error) {
      if (!isMissingCollection(error)) throw error;
      try {
        await this.db.createCollection(this.name);
      } catch (createError) {
        // Another instance may have created it meanwhile; anything else is a real failure.
        if (!/exist/i.test(String((createError as { message?: string }).message))) throw createError;
      }
      return checked(await op());
    }
  }
}

/** Our field name as stored in CloudBase: `id` is the document's `_id`. */
export function toCbField(field: string): string {
  return field === 'id' ? '_id' : field;
}

function fromRaw<T>(raw: Raw): Stored<T> {
  const { _id, ...rest } = raw;
  return { ...rest, id: _id } as unknown as Stored<T>;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}

/** The SDK reports some failures as a returned `{ code, message }` rather than a throw. */
function checked<R>(res: R): R {
  const code = (res as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code) throw res;
  return res;
}

function errorText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown; errMsg?: unknown } | null;
  return `${e?.code ?? ''} ${e?.message ?? ''} ${e?.errMsg ?? ''}`;
}

function isMissingCollection(error: unknown): boolean {
  return /COLLECTION_NOT_EXIST|collection not exist|-502005/i.test(errorText(error));
}

function isTransactionConflict(error: unknown): boolean {
  return /DATABASE_TRANSACTION_CONFLICT/.test(errorText(error));
}

function isDuplicate(error: unknown): boolean {
  return /DUPLICATE|E11000|duplicate key/i.test(errorText(error));
}
