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
}

export interface Collection<T> extends TxCollection<T> {
  find(options: FindOptions): Promise<Page<Stored<T>>>;
  count(where?: Where): Promise<number>;
}

export interface Transaction {
  collection<T>(name: string): TxCollection<T>;
}

export interface Store {
  collection<T>(name: string): Collection<T>;
  /** Runs `work` atomically: everything it wrote lands, or nothing does. */
  transaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R>;
  close?(): Promise<void> | void;
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

export function isOperators(value: Scalar | Operators): value is Operators {
  return typeof value === 'object' && value !== null;
}

/** The record after a patch, as every adapter must return and store it: fields given as undefined are removed. */
export function applyPatch<T>(current: Stored<T>, patch: Patch<T>, version: number): Stored<T> {
  const merged: Record<string, unknown> = { ...current, ...patch, id: current.id, version };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as Stored<T>;
}
