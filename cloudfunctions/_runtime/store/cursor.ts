import type { FindOptions, Scalar } from './port';

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
