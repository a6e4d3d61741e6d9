import type { CbCollection, CbDocument, CbQuery, CbTransaction, CloudbaseCommand, CloudbaseDb } from '../../cloudfunctions/_runtime/store/cloudbase-store';

/**
 * An in-memory stand-in for the slice of `@cloudbase/node-sdk`'s database
 * that the CloudBase adapter uses — the one part of the product that cannot
 * run here. It mimics the behaviours the adapter depends on, including the
 * awkward ones, so the contract suite can catch a wrong translation:
 * - reading or writing a collection that was never created fails, as on CloudBase;
 * - `doc().get()` answers a list outside a transaction and the document (or null) inside one;
 * - `update` merges nested objects field by field unless the value is wrapped in `set`;
 * - queries are refused inside a transaction; a transaction that throws leaves nothing behind;
 * - adding a duplicate `_id` fails with a duplicate-key error.
 */
class Cmd {
  constructor(
    readonly op: string,
    readonly value?: unknown,
  ) {}
}

type Doc = Record<string, unknown> & { _id: string };
type Collections = Map<string, Map<string, Doc>>;

const command: CloudbaseCommand = {
  eq: (v) => new Cmd('eq', v),
  neq: (v) => new Cmd('neq', v),
  in: (v) => new Cmd('in', v),
  gt: (v) => new Cmd('gt', v),
  gte: (v) => new Cmd('gte', v),
  lt: (v) => new Cmd('lt', v),
  lte: (v) => new Cmd('lte', v),
  and: (v) => new Cmd('and', v),
  or: (v) => new Cmd('or', v),
  set: (v) => new Cmd('set', v),
  remove: () => new Cmd('remove'),
};

const missing = () => Object.assign(new Error('collection not exists'), { code: 'DATABASE_COLLECTION_NOT_EXIST' });

export class FakeCloudbaseDb implements CloudbaseDb {
  readonly command = command;
  collections: Collections = new Map();
  /** Every request the adapter made, for tests that check what was sent. */
  readonly log: string[] = [];

  collection(name: string): CbCollection {
    return new FakeCollection(this, name, false);
  }

  async createCollection(name: string): Promise<unknown> {
    if (this.collections.has(name)) throw Object.assign(new Error('collection already exists'), { code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
    this.collections.set(name, new Map());
    return {};
  }

  async runTransaction<R>(callback: (transaction: CbTransaction) => Promise<R>): Promise<R> {
    const snapshot = cloneCollections(this.collections);
    try {
      return await callback({ collection: (name) => new FakeCollection(this, name, true) });
    } catch (error) {
      this.collections = snapshot;
      throw error;
    }
  }

  table(name: string): Map<string, Doc> {
    const table = this.collections.get(name);
    if (!table) throw missing();
    return table;
  }
}

class FakeQuery implements CbQuery {
  constructor(
    protected readonly db: FakeCloudbaseDb,
    protected readonly name: string,
    protected readonly inTransaction: boolean,
    private readonly condition: unknown = null,
    private readonly order: Array<[string, 'asc' | 'desc']> = [],
    private readonly max = 100,
  ) {}

  where(condition: unknown): CbQuery {
    this.refuseInTransaction();
    return new FakeQuery(this.db, this.name, false, condition, this.order, this.max);
  }

  orderBy(field: string, direction: 'asc' | 'desc'): CbQuery {
    this.refuseInTransaction();
    return new FakeQuery(this.db, this.name, false, this.condition, [...this.order, [field, direction]], this.max);
  }

  limit(n: number): CbQuery {
    if (n > 1000) throw new Error('limit must not exceed 1000');
    return new FakeQuery(this.db, this.name, false, this.condition, this.order, n);
  }

  async get(): Promise<{ data: unknown[] }> {
    this.refuseInTransaction();
    this.db.log.push(`query ${this.name}`);
    const rows = this.matching().sort((a, b) => compareBy(a, b, this.order));
    return { data: rows.slice(0, this.max).map((d) => structuredClone(d)) };
  }

  async count(): Promise<{ total: number }> {
    this.refuseInTransaction();
    return { total: this.matching().length };
  }

  async update(data: Record<string, unknown>): Promise<{ updated?: number }> {
    this.refuseInTransaction();
    const rows = this.matching();
    for (const row of rows) applyUpdate(row, data);
    return { updated: rows.length };
  }

  async remove(): Promise<{ deleted?: number }> {
    this.refuseInTransaction();
    const rows = this.matching();
    for (const row of rows) this.db.table(this.name).delete(String(row._id));
    return { deleted: rows.length };
  }

  private matching(): Doc[] {
    return [...this.db.table(this.name).values()].filter((d) => this.condition === null || matches(d, this.condition));
  }

  private refuseInTransaction(): void {
    if (this.inTransaction) throw new Error('queries are not supported in a transaction');
  }
}

class FakeCollection extends FakeQuery implements CbCollection {
  doc(id: string): CbDocument {
    const { db, name, inTransaction } = this;
    return {
      async get() {
        const doc = db.table(name).get(id);
        const copy = doc ? structuredClone(doc) : null;
        return { data: inTransaction ? copy : copy ? [copy] : [] };
      },
      async update(data) {
        const doc = db.table(name).get(id);
        if (doc) applyUpdate(doc, data);
        return { updated: doc ? 1 : 0 };
      },
      async remove() {
        return { deleted: db.table(name).delete(id) ? 1 : 0 };
      },
    };
  }

  async add(data: Record<string, unknown>): Promise<{ id?: string }> {
    const table = this.db.table(this.name);
    const id = String(data._id ?? `auto${table.size + 1}`);
    if (table.has(id)) throw Object.assign(new Error(`E11000 duplicate key error collection: ${this.name} _id: ${id}`), { code: 'DATABASE_REQUEST_FAILED' });
    for (const value of Object.values(data)) if (value instanceof Cmd) throw new Error('commands are not allowed in add');
    table.set(id, structuredClone({ ...data, _id: id }) as Doc);
    return { id };
  }
}

function cloneCollections(collections: Collections): Collections {
  return new Map([...collections].map(([name, table]) => [name, new Map([...table].map(([id, doc]) => [id, structuredClone(doc)]))]));
}

function read(doc: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), doc);
}

function matches(doc: Doc, condition: unknown): boolean {
  if (condition instanceof Cmd) {
    const list = condition.value as unknown[];
    if (condition.op === 'and') return list.every((c) => matches(doc, c));
    if (condition.op === 'or') return list.some((c) => matches(doc, c));
    throw new Error(`a field command (${condition.op}) cannot stand alone`);
  }
  return Object.entries(condition as Record<string, unknown>).every(([path, expected]) => test(read(doc, path), expected));
}

function test(actual: unknown, expected: unknown): boolean {
  if (!(expected instanceof Cmd)) return equal(actual, expected);
  const v = expected.value;
  switch (expected.op) {
    case 'eq':
      return equal(actual, v);
    case 'neq':
      return !equal(actual, v);
    case 'in':
      return (v as unknown[]).some((x) => equal(actual, x));
    case 'gt':
      return comparable(actual, v) && (actual as number) > (v as number);
    case 'gte':
      return comparable(actual, v) && (actual as number) >= (v as number);
    case 'lt':
      return comparable(actual, v) && (actual as number) < (v as number);
    case 'lte':
      return comparable(actual, v) && (actual as number) <= (v as number);
    default:
      throw new Error(`unsupported command ${expected.op}`);
  }
}

/** Like MongoDB: null matches a missing field; values of different types never compare. */
function equal(actual: unknown, expected: unknown): boolean {
  if (expected === null) return actual === null || actual === undefined;
  return actual === expected;
}

function comparable(a: unknown, b: unknown): boolean {
  return a !== undefined && a !== null && typeof a === typeof b;
}

function compareBy(a: Doc, b: Doc, order: Array<[string, 'asc' | 'desc']>): number {
  for (const [field, direction] of order) {
    const x = read(a, field) as string | number;
    const y = read(b, field) as string | number;
    if (x === y) continue;
    const less = x < y ? -1 : 1;
    return direction === 'asc' ? less : -less;
  }
  return 0;
}

/** CloudBase update: top-level commands apply; a plain object merges into the existing one field by field. */
function applyUpdate(target: Record<string, unknown>, data: Record<string, unknown>): void {
  if ('_id' in data) throw new Error('不能更新_id的值');
  for (const [key, value] of Object.entries(data)) {
    if (value instanceof Cmd) {
      if (value.op === 'set') target[key] = structuredClone(value.value);
      else if (value.op === 'remove') delete target[key];
      else throw new Error(`unsupported update command ${value.op}`);
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const inner = target[key] !== null && typeof target[key] === 'object' ? (target[key] as Record<string, unknown>) : {};
      applyUpdate(inner, value as Record<string, unknown>);
      target[key] = inner;
    } else if (value !== undefined) {
      target[key] = structuredClone(value);
    }
  }
}
