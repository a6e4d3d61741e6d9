import type { FindOptions, Page, Scalar, SortDirection } from './port';

/**
 * Keyset cursors: the sort values of the last row on a page plus its id.
 * Unlike offsets they stay correct while new notices are published between
 * two pages. Encoded as base64url JSON so it is opaque to the client.
 */
export function encodeCursor(values: Scalar[]): string {
  const json = JSON.stringify(values);
  return toBase64Url(json);
}

export function decodeCursor(cursor: string, options: FindOptions): Scalar[] {
  let values: unknown;
  try {
    values = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw new InvalidCursorError();
  }
  const expected = options.orderBy.length + 1;
  if (!Array.isArray(values) || values.length !== expected) throw new InvalidCursorError();
  for (const v of values) {
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) throw new InvalidCursorError();
  }
  if (typeof values[expected - 1] !== 'string') throw new InvalidCursorError();
  return values as Scalar[];
}

export function cursorFor(record: object, options: FindOptions): string {
  const values = options.orderBy.map(([field]) => readPath(record, field) as Scalar);
  values.push((record as { id: string }).id);
  return encodeCursor(values);
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
  constructor() {
    super('invalid cursor');
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

/** Adapters fetch `limit + 1` rows: the extra one only tells whether another page exists. */
export function pageOf<T extends { id: string }>(rows: T[], options: FindOptions): Page<T> {
  const items = rows.slice(0, options.limit);
  const nextCursor = rows.length > options.limit ? cursorFor(items[items.length - 1], options) : null;
  return { items, nextCursor };
}
