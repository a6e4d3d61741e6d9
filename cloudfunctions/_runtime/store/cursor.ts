import { createHash } from 'node:crypto';
import { InvalidQueryError, type FindOptions, type Page, type Scalar, type SortDirection } from './port';

/**
 * Keyset cursors: the sort values of the last row on a page plus its id.
 * Unlike offsets they stay correct while new notices are published between
 * two pages. Encoded as base64url JSON so it is opaque to the client.
 *
 * A cursor also carries a check over the query it came from (collection,
 * filters, sort) and its own values. Without it a cursor from another query,
 * or one whose values were altered to another type, would be silently
 * compared against the wrong fields and answer an empty or partial page;
 * with it both adapters refuse such a cursor the same way. The check is not
 * a secret (a cursor only ever narrows a query the caller may already run);
 * it makes misuse loud, not impossible.
 */
export function encodeCursor(values: Scalar[], options?: FindOptions, collection = ''): string {
  const json = JSON.stringify({ v: values, h: checkOf(values, options, collection) });
  return toBase64Url(json);
}

export function decodeCursor(cursor: string, options: FindOptions, collection = ''): Scalar[] {
  let payload: unknown;
  try {
    payload = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new InvalidCursorError();
  }
  if (typeof payload !== 'object' || payload === null) throw new InvalidCursorError();
  const { v: values, h: check } = payload as { v?: unknown; h?: unknown };
  const expected = options.orderBy.length + 1;
  if (!Array.isArray(values) || values.length !== expected) throw new InvalidCursorError();
  // Sort values are never null (see pageOf), so a cursor holding one was not made by us.
  for (const v of values) {
    if (!['string', 'number', 'boolean'].includes(typeof v)) throw new InvalidCursorError();
  }
  if (typeof values[expected - 1] !== 'string') throw new InvalidCursorError();
  if (check !== checkOf(values as Scalar[], options, collection)) throw new InvalidCursorError('cursor belongs to another query or was altered');
  return values as Scalar[];
}

export function cursorFor(record: object, options: FindOptions, collection = ''): string {
  const values = options.orderBy.map(([field]) => readPath(record, field) as Scalar);
  values.push((record as { id: string }).id);
  return encodeCursor(values, options, collection);
}

/** A short digest of the query's shape and the cursor's values (key order of filters does not matter). */
function checkOf(values: Scalar[], options: FindOptions | undefined, collection: string): string {
  const shape = [collection, canonical(options?.where ?? {}), options?.orderBy ?? [], values];
  return createHash('sha256').update(JSON.stringify(shape)).digest('base64url').slice(0, 16);
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
}

export function readPath(record: object, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export class InvalidCursorError extends Error {
  constructor(message = 'invalid cursor') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

function toBase64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new InvalidCursorError();
  return Buffer.from(text, 'base64url').toString('utf8');
}

/** The full sort: the caller's fields, then `id` (in the last field's direction) so that no two rows tie. */
export function sortOrder(options: FindOptions): Array<[string, SortDirection]> {
  const last = options.orderBy.length ? options.orderBy[options.orderBy.length - 1][1] : 'asc';
  return [...options.orderBy, ['id', last]];
}

export interface KeysetTerm {
  field: string;
  op: 'eq' | 'lt' | 'gt';
  value: Scalar;
}

/** The bound `keysetLead` adds in front of the alternatives. */
export interface KeysetBound {
  field: string;
  op: 'gte' | 'lte';
  value: Scalar;
}

/**
 * "Strictly after the cursor" in a multi-field sort, as OR-ed alternatives of
 * AND-ed terms: (a > x) OR (a = x AND b > y) OR … Each adapter renders these
 * terms in its own query language; the logic lives once, here.
 */
export function keysetAlternatives(order: Array<[string, SortDirection]>, values: Scalar[]): KeysetTerm[][] {
  return order.map(([field, direction], i) => [
    ...order.slice(0, i).map(([f], j): KeysetTerm => ({ field: f, op: 'eq', value: values[j] })),
    { field, op: direction === 'desc' ? 'lt' : 'gt', value: values[i] },
  ]);
}

/**
 * The bound on the first sort field that the alternatives above imply (`a >= x`, `a <= x` when
 * descending), or null when `id` alone is the order (its one alternative is already a bound).
 * Redundant as logic, it is what lets an index be entered at the cursor: neither SQLite nor a
 * MongoDB-style planner takes an OR of alternatives as a range, so without it every page of a
 * read sorted by an indexed field started again at the first row the filters allow (measured on
 * 100,000 records in concludedSort order: 100 pages in 11 s of CPU, against 0.4 s with the bound).
 */
export function keysetLead(order: Array<[string, SortDirection]>, values: Scalar[]): KeysetBound | null {
  if (order.length < 2) return null;
  const [field, direction] = order[0];
  return { field, op: direction === 'desc' ? 'lte' : 'gte', value: values[0] };
}

/**
 * Adapters fetch `limit + 1` rows: the extra one only tells whether another page exists.
 * Every row must have a value for every sort field: a null or missing one sorts differently
 * in SQLite and CloudBase and cannot be continued from, so paging would stop short silently.
 */
export function pageOf<T extends { id: string }>(rows: T[], options: FindOptions, collection = ''): Page<T> {
  for (const [field] of options.orderBy) {
    const nested = field.includes('.');
    for (const row of rows) {
      const value = nested ? readPath(row, field) : (row as Record<string, unknown>)[field];
      if (value === null || value === undefined || typeof value === 'object') {
        throw new InvalidQueryError(`sort field ${field} has no string, number or boolean value in ${collection || 'a record'}/${row.id}; filter such records out`);
      }
    }
  }
  const items = rows.slice(0, options.limit);
  const nextCursor = rows.length > options.limit ? cursorFor(items[items.length - 1], options, collection) : null;
  return { items, nextCursor };
}
