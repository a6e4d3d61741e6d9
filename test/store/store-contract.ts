import { InvalidCursorError } from '../../cloudfunctions/_runtime/store/cursor';
import {
  DuplicateIdError,
  RecordNotFoundError,
  VersionConflictError,
  type FindOptions,
  type Store,
} from '../../cloudfunctions/_runtime/store/port';

/**
 * What every store adapter must do, the same way. Registered once per
 * adapter (sqlite-store.test.ts, cloudbase-store.test.ts) so SQLite in the
 * local cloud and CloudBase in production cannot drift apart.
 */
interface Item {
  name: string;
  rank: number;
  group: string;
  active: boolean;
  note: string | null;
  meta: { city: string; tags?: string[] };
}

let counter = 0;

export function storeContract(label: string, makeStore: () => Promise<Store> | Store, teardown?: (store: Store) => Promise<void> | void): void {
  describe(`store contract: ${label}`, () => {
    let store: Store;
    let collectionName: string;
    const items = () => store.collection<Item>(collectionName);
    const item = (over: Partial<Item> = {}): Item => ({ name: 'x', rank: 1, group: 'a', active: true, note: null, meta: { city: '杭州' }, ...over });

    beforeEach(async () => {
      store = await makeStore();
      // A fresh collection per test: the real CloudBase run shares one environment.
      collectionName = `contract${Date.now().toString(36)}${counter++}`;
    });
    afterEach(async () => {
      await teardown?.(store);
    });

    test('insert assigns an id and version 1; get reads it back', async () => {
      const saved = await items().insert(item({ name: '甲' }));
      expect(saved.id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(saved.version).toBe(1);
      expect(await items().get(saved.id)).toEqual(saved);
    });

    test('insert keeps a given id; a second insert with it is refused', async () => {
      await items().insert({ ...item(), id: 'fixed-id' });
      expect((await items().get('fixed-id'))?.name).toBe('x');
      await expect(items().insert({ ...item({ name: 'y' }), id: 'fixed-id' })).rejects.toBeInstanceOf(DuplicateIdError);
      expect((await items().get('fixed-id'))?.name).toBe('x');
    });

    test('get of a missing record, or of a collection never written, is null', async () => {
      expect(await store.collection('neverWritten').get('nope')).toBeNull();
      await items().insert(item());
      expect(await items().get('nope')).toBeNull();
    });

    test('update merges top-level fields, replaces nested objects, removes undefined, bumps the version', async () => {
      const saved = await items().insert(item({ meta: { city: '杭州', tags: ['a'] } }));
      const updated = await items().update(saved.id, 1, { rank: 5, meta: { city: '宁波' }, note: undefined });
      expect(updated).toEqual({ ...saved, rank: 5, meta: { city: '宁波' }, version: 2, note: undefined });
      const read = await items().get(saved.id);
      expect(read).toEqual({ id: saved.id, version: 2, name: 'x', rank: 5, group: 'a', active: true, meta: { city: '宁波' } });
      expect(read).not.toHaveProperty('note');
    });

    test('update with a stale version is a conflict and changes nothing', async () => {
      const saved = await items().insert(item());
      await items().update(saved.id, 1, { rank: 2 });
      await expect(items().update(saved.id, 1, { rank: 3 })).rejects.toBeInstanceOf(VersionConflictError);
      expect(await items().get(saved.id)).toMatchObject({ rank: 2, version: 2 });
    });

    test('update of a missing record says so', async () => {
      await items().insert(item());
      await expect(items().update('missing', 1, { rank: 2 })).rejects.toBeInstanceOf(RecordNotFoundError);
    });

    describe('find and count', () => {
      beforeEach(async () => {
        const rows: Array<Partial<Item>> = [
          { name: 'a', rank: 1, group: 'g1', active: true, note: 'n', meta: { city: '杭州' } },
          { name: 'b', rank: 2, group: 'g1', active: false, meta: { city: '宁波' } },
          { name: 'c', rank: 3, group: 'g2', active: true, meta: { city: '杭州' } },
          { name: 'd', rank: 4, group: 'g2', active: false, note: 'n', meta: { city: '温州' } },
          { name: 'e', rank: 5, group: 'g3', active: true, meta: { city: '杭州' } },
        ];
        for (const row of rows) await items().insert(item(row));
      });
      const names = async (where: Parameters<ReturnType<typeof items>['find']>[0]['where'], direction: 'asc' | 'desc' = 'asc') =>
        (await items().find({ where, orderBy: [['rank', direction]], limit: 50 })).items.map((i) => i.name);

      test('equality, ne, in (and an empty in), ranges', async () => {
        expect(await names({ group: 'g1' })).toEqual(['a', 'b']);
        expect(await names({ group: { ne: 'g1' } })).toEqual(['c', 'd', 'e']);
        expect(await names({ group: { in: ['g1', 'g3'] } })).toEqual(['a', 'b', 'e']);
        expect(await names({ group: { in: [] } })).toEqual([]);
        expect(await names({ rank: { gt: 2, lte: 4 } })).toEqual(['c', 'd']);
        expect(await names({ rank: { gte: 4 } })).toEqual(['d', 'e']);
        expect(await names({ rank: { lt: 2 } })).toEqual(['a']);
      });

      test('null, booleans and nested fields', async () => {
        expect(await names({ note: null })).toEqual(['b', 'c', 'e']);
        expect(await names({ note: { ne: null } })).toEqual(['a', 'd']);
        expect(await names({ active: false })).toEqual(['b', 'd']);
        expect(await names({ 'meta.city': '杭州', active: true })).toEqual(['a', 'c', 'e']);
      });

      test('descending order, and counts', async () => {
        expect(await names({}, 'desc')).toEqual(['e', 'd', 'c', 'b', 'a']);
        expect(await items().count()).toBe(5);
        expect(await items().count({ 'meta.city': '杭州' })).toBe(3);
        expect(await store.collection('neverWritten').count()).toBe(0);
        expect((await store.collection('neverWritten').find({ orderBy: [['rank', 'asc']], limit: 5 })).items).toEqual([]);
      });
    });

    const orders: Array<[string, FindOptions['orderBy']]> = [
      ['one sort field, ascending', [['bucket', 'asc']]],
      ['one sort field, descending', [['bucket', 'desc']]],
      ['two sort fields', [['bucket', 'desc'], ['sub', 'asc']]],
    ];
    test.each(orders)('cursor paging walks every record exactly once: %s', async (_label, orderBy) => {
      const rows = store.collection<{ bucket: number; sub: string; skip: boolean }>(collectionName);
      for (let i = 0; i < 27; i++) await rows.insert({ bucket: i % 4, sub: String.fromCharCode(97 + (i % 3)), skip: i % 9 === 0 });
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof rows.find>> = await rows.find({ where: { skip: false }, orderBy, limit: 7, cursor });
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      const all = (await rows.find({ where: { skip: false }, orderBy, limit: 100 })).items.map((r) => r.id);
      expect(all).toHaveLength(24);
      expect(seen).toEqual(all);
      expect(pages).toBe(4);
    });

    test('the last page has no next cursor; a garbled cursor is refused', async () => {
      for (let i = 0; i < 3; i++) await items().insert(item({ rank: i }));
      const page = await items().find({ orderBy: [['rank', 'asc']], limit: 3 });
      expect(page.items).toHaveLength(3);
      expect(page.nextCursor).toBeNull();
      await expect(items().find({ orderBy: [['rank', 'asc']], limit: 3, cursor: 'garbage!' })).rejects.toBeInstanceOf(InvalidCursorError);
      await expect(items().find({ orderBy: [['rank', 'asc']], limit: 3, cursor: Buffer.from('[1]').toString('base64url') })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    test('a transaction commits all its writes', async () => {
      const existing = await items().insert(item({ name: 'old' }));
      await store.transaction(async (tx) => {
        await tx.collection<Item>(collectionName).insert(item({ name: 'new' }));
        const current = await tx.collection<Item>(collectionName).get(existing.id);
        await tx.collection<Item>(collectionName).update(existing.id, current!.version, { name: 'changed' });
      });
      expect(await names()).toEqual(['changed', 'new']);
    });

    test('a transaction that throws leaves nothing written', async () => {
      const existing = await items().insert(item({ name: 'old' }));
      await expect(
        store.transaction(async (tx) => {
          await tx.collection<Item>(collectionName).insert(item({ name: 'new' }));
          await tx.collection<Item>(collectionName).update(existing.id, 1, { name: 'changed' });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await names()).toEqual(['old']);
      expect((await items().get(existing.id))?.version).toBe(1);
    });

    test('a version conflict inside a transaction rolls back its other writes', async () => {
      const existing = await items().insert(item({ name: 'old' }));
      await items().update(existing.id, 1, { name: 'moved on' });
      await expect(
        store.transaction(async (tx) => {
          await tx.collection<Item>(collectionName).insert(item({ name: 'side effect' }));
          await tx.collection<Item>(collectionName).update(existing.id, 1, { name: 'stale write' });
        }),
      ).rejects.toBeInstanceOf(VersionConflictError);
      expect(await names()).toEqual(['moved on']);
    });

    async function names(): Promise<string[]> {
      return (await items().find({ orderBy: [['name', 'asc']], limit: 50 })).items.map((i) => i.name);
    }
  });
}
