/**
 * The one document-store port every cloud function writes through.
 *
 * It is deliberately small: what both CloudBase's database and SQLite can do
 * with the same meaning. Two adapters implement it (sqlite-store.ts for the
 * local cloud, cloudbase-store.ts for production) and one contract suite
 * (test/store/store-contract.ts) holds them to the same behaviour.
 *
 * Records carry `id` and `version`; `version` starts at 1 and every update
 * names the version it read, so two clerks editing at once cannot silently
 * overwrite each other.
 */
import { APPEND_ONLY_COLLECTIONS, type CollectionRecords } from '../collections';

export type Scalar = string | number | boolean | null;

export interface Operators {
  eq?: Scalar;
  ne?: Scalar;
  in?: Scalar[];
  gt?: Scalar;
  gte?: Scalar;
  lt?: Scalar;
  lte?: Scalar;
}

/** Field path (dotted for nested fields) → a value (equality) or operators; all conditions must hold. */
export type Where = Record<string, Scalar | Operators>;

export type SortDirection = 'asc' | 'desc';

export interface FindOptions {
  where?: Where;
  /** Sort fields must be non-null in every matching record; `id` is appended as the tie-breaker. */
  orderBy: Array<[field: string, direction: SortDirection]>;
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string | null;
  /**
   * A projection: read and return only these top-level fields (plus `id`, `version` and the sort
   * fields), e.g. what a list card shows instead of whole documents with their bodies. A projected
   * field the record lacks may come back as null or be absent, depending on the adapter.
   */
  fields?: readonly string[];
  /**
   * A page read once on the way through a whole set (read-all.ts): an adapter that remembers recent
   * reads (SQLite's) does not keep it, where a year's hundred pages would only push out the pages
   * people open again.
   */
  passing?: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface StoredFields {
  id: string;
  version: number;
}

export type Stored<T> = T & StoredFields;
export type NewRecord<T> = T & { id?: string };
/** Top-level fields to set; a field given as `undefined` is removed from the record. */
export type Patch<T> = Partial<Omit<T, 'id' | 'version'>>;

/** Operations allowed inside a transaction: CloudBase transactions only address documents by id. */
export interface TxCollection<T> {
  get(id: string): Promise<Stored<T> | null>;
  insert(record: NewRecord<T>): Promise<Stored<T>>;
  update(id: string, expectedVersion: number, patch: Patch<T>): Promise<Stored<T>>;
  /**
   * Removes the record read at `expectedVersion` (VersionConflictError when it changed since,
   * RecordNotFoundError when it is gone). Only a resident's erasure of their own data and the
   * retention job remove records; append-only collections refuse it like an update.
   */
  delete(id: string, expectedVersion: number): Promise<void>;
}

export interface Collection<T> extends TxCollection<T> {
  find(options: FindOptions): Promise<Page<Stored<T>>>;
  count(where?: Where): Promise<number>;
}

/**
 * A map of collection name → record type. The product's is `CollectionRecords`
 * (collections.ts); the store's own contract tests use collections of their own.
 */
export type AnyCollections = Record<string, any>;

/** The names a store of collections `S` knows. */
export type NameOf<S> = keyof S & string;

export interface Transaction<S = CollectionRecords> {
  collection<N extends NameOf<S>>(name: N): TxCollection<S[N]>;
}

export interface Store<S = CollectionRecords> {
  /** Typed by the collection's name: `store.collection('requests')` is a `Collection<RequestRecord>`. */
  collection<N extends NameOf<S>>(name: N): Collection<S[N]>;
  /** Runs `work` atomically: everything it wrote lands, or nothing does. */
  transaction<R>(work: (tx: Transaction<S>) => Promise<R>): Promise<R>;
  close?(): Promise<void> | void;
  /**
   * After records were erased: make what they held unrecoverable from the store's own files (SQLite:
   * checkpoint and empty the write-ahead log). Absent where the database manages its storage (CloudBase).
   */
  purgeFreed?(): Promise<boolean>;
  /**
   * An answer worked out from `collections` alone (plus what `key` names), kept by an adapter that
   * learns of every change to them and handed out again until one changes: SQLite's read cache
   * (sqlite-read-cache.ts). The answer comes back deep-frozen and shared. Absent where an adapter
   * cannot know of every change (CloudBase: other instances write); call it through
   * `rememberedAnswer` (remembered-answer.ts), which then simply works it out.
   */
  remember?<R>(collections: readonly NameOf<S>[], key: string, compute: () => Promise<R>): Promise<R>;
}

/** The record changed since the caller read it. */
export class VersionConflictError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`version conflict on ${collection}/${id}`);
    this.name = 'VersionConflictError';
  }
}

export class RecordNotFoundError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`no record ${collection}/${id}`);
    this.name = 'RecordNotFoundError';
  }
}

/**
 * A query the port cannot express the same way on every adapter (an unknown
 * operator, `in` with null, a null or missing sort value, …). A programming
 * error: both adapters refuse it before touching the database.
 */
export class InvalidQueryError extends Error {
  constructor(message: string) {
    super(`invalid query: ${message}`);
    this.name = 'InvalidQueryError';
  }
}

/**
 * `store.collection(…)` or `store.transaction(…)` used inside a transaction's
 * work. On SQLite it would wait for the lock its own transaction holds (a
 * deadlock); on CloudBase it would write outside the transaction. Both
 * adapters refuse it at once: use `tx.collection(…)` inside a transaction.
 */
export class StoreReentryError extends Error {
  constructor(what: string) {
    super(`${what} called inside store.transaction(): use tx.collection(…) within the transaction's work`);
    this.name = 'StoreReentryError';
  }
}

/** A transaction's collection used after the transaction has ended (a leaked handle). */
export class TransactionClosedError extends Error {
  constructor() {
    super('transaction already finished: its collections can no longer be used');
    this.name = 'TransactionClosedError';
  }
}

/**
 * An update of a record in an append-only collection (collections.ts: the audit trail). The trail is
 * proof of what staff did, so no code path may rewrite it: both adapters refuse before reading.
 */
export class AppendOnlyError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`${collection} is append-only: record ${id} cannot be updated`);
    this.name = 'AppendOnlyError';
  }
}

/** Throws AppendOnlyError when `collection` is declared append-only; every adapter calls it first thing in `update` and `delete`. */
export function assertUpdatable(collection: string, id: string): void {
  if ((APPEND_ONLY_COLLECTIONS as readonly string[]).includes(collection)) throw new AppendOnlyError(collection, id);
}

export class DuplicateIdError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`record ${collection}/${id} already exists`);
    this.name = 'DuplicateIdError';
  }
}

const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const COLLECTION_NAME = /^[a-z][a-zA-Z0-9_]*$/;

/** Field paths and collection names reach SQL text, so only plain identifiers pass. */
export function assertFieldPath(path: string): void {
  if (!FIELD_PATH.test(path)) throw new Error(`invalid field path: ${path}`);
}

export function assertCollectionName(name: string): void {
  if (!COLLECTION_NAME.test(name)) throw new Error(`invalid collection name: ${name}`);
}

const OPERATORS = new Set<string>(['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte']);

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Refuses, identically in every adapter, any condition whose meaning would
 * differ between SQLite and CloudBase: unknown operators, non-scalar values,
 * `in` lists holding null (SQLite's IN never matches null, CloudBase's matches
 * missing fields), and ordering comparisons with null.
 */
export function assertWhere(where: Where): void {
  if (typeof where !== 'object' || where === null || Array.isArray(where)) throw new InvalidQueryError('where must be an object');
  for (const [field, condition] of Object.entries(where)) {
    assertFieldPath(field);
    if (condition === undefined) throw new InvalidQueryError(`${field}: condition is undefined`);
    if (!isOperators(condition)) {
      if (!isScalar(condition)) throw new InvalidQueryError(`${field}: value must be a string, number, boolean or null`);
      continue;
    }
    if (Array.isArray(condition)) throw new InvalidQueryError(`${field}: use { in: [...] } for a list`);
    const entries = Object.entries(condition);
    if (entries.length === 0) throw new InvalidQueryError(`${field}: no operator given`);
    for (const [op, value] of entries) {
      if (!OPERATORS.has(op)) throw new InvalidQueryError(`${field}: unknown operator ${op}`);
      if (op === 'in') {
        if (!Array.isArray(value)) throw new InvalidQueryError(`${field}: in needs a list`);
        for (const item of value) {
          if (item === null) throw new InvalidQueryError(`${field}: in cannot hold null (use eq: null)`);
          if (!isScalar(item)) throw new InvalidQueryError(`${field}: in holds a value that is not a string, number or boolean`);
        }
        continue;
      }
      if (!isScalar(value)) throw new InvalidQueryError(`${field}: ${op} needs a string, number, boolean or null`);
      if (value === null && op !== 'eq' && op !== 'ne') throw new InvalidQueryError(`${field}: ${op} cannot compare with null`);
    }
  }
}

/** Sort fields are plain identifiers and directions are asc/desc, in every adapter. */
export function assertOrderBy(orderBy: FindOptions['orderBy']): void {
  if (!Array.isArray(orderBy)) throw new InvalidQueryError('orderBy must be a list');
  for (const entry of orderBy) {
    if (!Array.isArray(entry) || entry.length !== 2) throw new InvalidQueryError('orderBy entries are [field, direction]');
    assertFieldPath(entry[0]);
    if (entry[1] !== 'asc' && entry[1] !== 'desc') throw new InvalidQueryError(`${entry[0]}: direction must be asc or desc`);
  }
}

export function isOperators(value: Scalar | Operators): value is Operators {
  return typeof value === 'object' && value !== null;
}

/** The record after a patch, as every adapter must return and store it: fields given as undefined are removed. */
export function applyPatch<T>(current: Stored<T>, patch: Patch<T>, version: number): Stored<T> {
  const merged: Record<string, unknown> = { ...current, ...patch, id: current.id, version };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as Stored<T>;
}

/** Everything `find` is given, checked the same way by every adapter before any query runs. */
export function assertFind(options: FindOptions): void {
  assertWhere(options.where ?? {});
  assertOrderBy(options.orderBy);
  if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > 1000) {
    throw new InvalidQueryError('limit must be an integer from 1 to 1000');
  }
}
