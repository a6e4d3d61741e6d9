import { nextInSequence, retryingNumberRaces } from '../../cloudfunctions/_runtime/gap-free-sequence';
import { InvalidCursorError } from '../../cloudfunctions/_runtime/store/cursor';
import {
  AppendOnlyError,
  DuplicateIdError,
  InvalidQueryError,
  StoreReentryError,
  TransactionClosedError,
  RecordNotFoundError,
  VersionConflictError,
  type FindOptions,
  type Where,
  type AnyCollections,
  type Store,
  type TxCollection,
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

/** For the racing-writer tests only: see where they are declared. */
const CONCURRENCY_TIMEOUT_MS = 180_000;

export function storeContract(label: string, makeStore: () => Promise<Store<AnyCollections>> | Store<AnyCollections>, teardown?: (store: Store<AnyCollections>) => Promise<void> | void): void {
  describe(`store contract: ${label}`, () => {
    let store: Store<AnyCollections>;
    let collectionName: string;
    const items = () => store.collection(collectionName);
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

    test('a record of an append-only collection (the audit trail) cannot be updated, in or out of a transaction', async () => {
      const audit = () => store.collection('audit');
      const saved = await audit().insert({ id: `append-only-${collectionName}`, at: '2026-11-24T02:00:00.000Z', action: 'notices.publish', fields: ['title'] });
      await expect(audit().update(saved.id, 1, { fields: [] })).rejects.toBeInstanceOf(AppendOnlyError);
      await expect(store.transaction((tx) => tx.collection('audit').update(saved.id, 1, { action: 'rewritten' }))).rejects.toBeInstanceOf(AppendOnlyError);
      expect(await audit().get(saved.id)).toEqual(saved);
      // Appending still works, and an ordinary collection still updates.
      await audit().insert({ at: '2026-11-24T02:01:00.000Z', action: 'notices.withdraw', fields: [] });
      const other = await items().insert(item());
      expect((await items().update(other.id, 1, { rank: 2 })).rank).toBe(2);
    });

    test('delete removes the record read at its version; a stale version or a missing record is refused', async () => {
      const saved = await items().insert(item());
      const kept = await items().insert(item({ name: 'kept' }));
      await items().update(saved.id, 1, { rank: 2 });
      await expect(items().delete(saved.id, 1)).rejects.toBeInstanceOf(VersionConflictError);
      expect(await items().get(saved.id)).not.toBeNull();
      await items().delete(saved.id, 2);
      expect(await items().get(saved.id)).toBeNull();
      expect(await items().count()).toBe(1);
      await expect(items().delete(saved.id, 2)).rejects.toBeInstanceOf(RecordNotFoundError);
      await store.transaction((tx) => tx.collection(collectionName).delete(kept.id, 1));
      expect(await items().get(kept.id)).toBeNull();
    });

    test('a delete inside a transaction that throws is rolled back; the audit trail refuses delete', async () => {
      const saved = await items().insert(item());
      await expect(
        store.transaction(async (tx) => {
          await tx.collection(collectionName).delete(saved.id, 1);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await items().get(saved.id)).toEqual(saved);
      const entry = await store.collection('audit').insert({ id: `delete-refused-${collectionName}`, at: '2026-11-24T02:00:00.000Z', action: 'notices.publish', fields: [] });
      await expect(store.collection('audit').delete(entry.id, 1)).rejects.toBeInstanceOf(AppendOnlyError);
      await expect(store.transaction((tx) => tx.collection('audit').delete(entry.id, 1))).rejects.toBeInstanceOf(AppendOnlyError);
      expect(await store.collection('audit').get(entry.id)).toEqual(entry);
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

      test('equality with null also matches a record without the field (an optional field never set)', async () => {
        const { note: _dropped, ...withoutNote } = item({ name: 'f', rank: 6, group: 'g4' });
        await items().insert(withoutNote as Item);
        expect(await names({ note: null, group: 'g4' })).toEqual(['f']);
        expect(await names({ note: { ne: null }, group: 'g4' })).toEqual([]);
      });

      test('descending order, and counts', async () => {
        expect(await names({}, 'desc')).toEqual(['e', 'd', 'c', 'b', 'a']);
        expect(await items().count()).toBe(5);
        expect(await items().count({ 'meta.city': '杭州' })).toBe(3);
        expect(await store.collection('neverWritten').count()).toBe(0);
        expect((await store.collection('neverWritten').find({ orderBy: [['rank', 'asc']], limit: 5 })).items).toEqual([]);
      });
    });

    const orders: Array<[string, FindOptions['orderBy'], Where, number]> = [
      ['one sort field, ascending', [['bucket', 'asc']], {}, 24],
      ['one sort field, descending', [['bucket', 'desc']], {}, 24],
      ['two sort fields', [['bucket', 'desc'], ['sub', 'asc']], {}, 24],
      // The cursor adds its own bound on the first sort field (keysetLead) beside the filter's, on either side.
      ['two sort fields, the first also filtered from below', [['bucket', 'asc'], ['sub', 'asc']], { bucket: { gte: 1 } }, 18],
      ['two sort fields descending, the first also filtered from above', [['bucket', 'desc'], ['sub', 'desc']], { bucket: { lte: 2 } }, 18],
    ];
    test.each(orders)('cursor paging walks every record exactly once: %s', async (_label, orderBy, range, count) => {
      const rows = store.collection(collectionName);
      for (let i = 0; i < 27; i++) await rows.insert({ bucket: i % 4, sub: String.fromCharCode(97 + (i % 3)), skip: i % 9 === 0 });
      const where: Where = { skip: false, ...range };
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof rows.find>> = await rows.find({ where, orderBy, limit: 7, cursor });
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      const all = (await rows.find({ where, orderBy, limit: 100 })).items.map((r) => r.id);
      expect(all).toHaveLength(count);
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(count / 7));
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
        await tx.collection(collectionName).insert(item({ name: 'new' }));
        const current = await tx.collection(collectionName).get(existing.id);
        await tx.collection(collectionName).update(existing.id, current!.version, { name: 'changed' });
      });
      expect(await names()).toEqual(['changed', 'new']);
    });

    test('a transaction that throws leaves nothing written', async () => {
      const existing = await items().insert(item({ name: 'old' }));
      await expect(
        store.transaction(async (tx) => {
          await tx.collection(collectionName).insert(item({ name: 'new' }));
          await tx.collection(collectionName).update(existing.id, 1, { name: 'changed' });
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
          await tx.collection(collectionName).insert(item({ name: 'side effect' }));
          await tx.collection(collectionName).update(existing.id, 1, { name: 'stale write' });
        }),
      ).rejects.toBeInstanceOf(VersionConflictError);
      expect(await names()).toEqual(['moved on']);
    });

    describe('re-entry inside a transaction is refused at once, never a hang', () => {
      /** Fails the test instead of hanging when `promise` never settles. */
      const settlesWithin = <T>(promise: Promise<T>, ms = 1000): Promise<T> =>
        Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms).unref?.())]);

      test('a plain store.collection() read inside the work', async () => {
        const saved = await items().insert(item());
        const attempt = store.transaction(async () => items().get(saved.id));
        await expect(settlesWithin(attempt)).rejects.toBeInstanceOf(StoreReentryError);
      });

      test('a plain find, count or write inside the work, and nothing it wrote lands', async () => {
        for (const op of [
          () => items().find({ orderBy: [['rank', 'asc']], limit: 5 }),
          () => items().count(),
          () => items().insert(item({ name: 'plain' })),
        ]) {
          const attempt = store.transaction(async (tx) => {
            await tx.collection(collectionName).insert(item({ name: 'in tx' }));
            return op();
          });
          await expect(settlesWithin(attempt)).rejects.toBeInstanceOf(StoreReentryError);
        }
        expect(await names()).toEqual([]);
      });

      test('a nested transaction', async () => {
        const attempt = store.transaction(async () => store.transaction(async () => 'inner'));
        await expect(settlesWithin(attempt)).rejects.toBeInstanceOf(StoreReentryError);
        // The store still works afterwards.
        await items().insert(item({ name: 'after' }));
        expect(await names()).toEqual(['after']);
      });

      test('a transaction collection used after its transaction ended is refused', async () => {
        let leaked: TxCollection<Item> | null = null;
        await store.transaction(async (tx) => {
          leaked = tx.collection(collectionName);
        });
        await expect(settlesWithin(leaked!.insert(item({ name: 'late' })))).rejects.toBeInstanceOf(TransactionClosedError);
        expect(await names()).toEqual([]);
      });

      test('concurrent plain calls and transactions (not nested) still run', async () => {
        const saved = await items().insert(item({ name: 'base' }));
        const results = await settlesWithin(
          Promise.all([
            store.transaction(async (tx) => tx.collection(collectionName).insert(item({ name: 'tx1' }))),
            items().get(saved.id),
            store.transaction(async (tx) => tx.collection(collectionName).insert(item({ name: 'tx2' }))),
            items().count(),
          ]),
          3000,
        );
        expect(results[1]?.name).toBe('base');
        expect(await names()).toEqual(['base', 'tx1', 'tx2']);
      });
    });

    describe('queries that would mean different things per adapter are refused the same way', () => {
      beforeEach(async () => {
        await items().insert(item({ name: 'a', rank: 1 }));
        await items().insert(item({ name: 'b', rank: 2, note: 'n' }));
      });
      const find = (where: unknown) => items().find({ where: where as never, orderBy: [['rank', 'asc']], limit: 10 });

      test.each([
        ['an unknown operator', { rank: { between: 1 } }],
        ['a misspelt operator next to a valid one', { rank: { gte: 1, lessThan: 3 } }],
        ['in holding null', { note: { in: [null] } }],
        ['in holding null and a value', { note: { in: ['n', null] } }],
        ['in without a list', { note: { in: 'n' } }],
        ['an ordering comparison with null', { rank: { gt: null } }],
        ['an object as a value', { meta: { city: '杭州' } }],
        ['an undefined value', { rank: undefined }],
        ['an empty operator object', { rank: {} }],
      ])('%s', async (_label, where) => {
        await expect(find(where)).rejects.toBeInstanceOf(InvalidQueryError);
        await expect(items().count(where as never)).rejects.toBeInstanceOf(InvalidQueryError);
      });

      test('a limit outside 1..1000 or a bad sort direction', async () => {
        await expect(items().find({ orderBy: [['rank', 'asc']], limit: 0 })).rejects.toBeInstanceOf(InvalidQueryError);
        await expect(items().find({ orderBy: [['rank', 'asc']], limit: 1001 })).rejects.toBeInstanceOf(InvalidQueryError);
        await expect(items().find({ orderBy: [['rank', 'up' as never]], limit: 5 })).rejects.toBeInstanceOf(InvalidQueryError);
      });

      test('a null or missing sort value is an error, not a page cut short', async () => {
        await items().insert(item({ name: 'c', rank: null as never }));
        await items().insert(item({ name: 'd', rank: 4 }));
        await expect(items().find({ orderBy: [['rank', 'asc']], limit: 10 })).rejects.toBeInstanceOf(InvalidQueryError);
        await expect(items().find({ orderBy: [['note', 'desc']], limit: 1 })).rejects.toBeInstanceOf(InvalidQueryError);
        // Filtering such records out is the remedy, and then paging is complete.
        const page = await items().find({ where: { rank: { gte: 0 } }, orderBy: [['rank', 'asc']], limit: 2 });
        const rest = await items().find({ where: { rank: { gte: 0 } }, orderBy: [['rank', 'asc']], limit: 2, cursor: page.nextCursor });
        expect([...page.items, ...rest.items].map((i) => i.name)).toEqual(['a', 'b', 'd']);
      });
    });

    describe('a cursor only continues the query it came from', () => {
      let cursor: string;
      const options = { where: { group: 'g' }, orderBy: [['rank', 'asc']] as FindOptions['orderBy'], limit: 2 };
      beforeEach(async () => {
        for (let i = 0; i < 5; i++) await items().insert(item({ name: `n${i}`, rank: i, group: 'g' }));
        for (let i = 0; i < 5; i++) await items().insert(item({ name: `m${i}`, rank: i, group: 'h' }));
        cursor = (await items().find(options)).nextCursor!;
        expect(cursor).toEqual(expect.any(String));
      });
      const alter = (change: (payload: { v: unknown[] } & Record<string, unknown>) => unknown) =>
        Buffer.from(JSON.stringify(change(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))), 'utf8').toString('base64url');

      test('it continues its own query', async () => {
        const next = await items().find({ ...options, cursor });
        expect(next.items.map((i) => i.name)).toEqual(['n2', 'n3']);
      });

      test('a sort value changed to another type is refused, not an empty page', async () => {
        const asText = alter((p) => ({ ...p, v: [String(p.v[0]), p.v[1]] }));
        await expect(items().find({ ...options, cursor: asText })).rejects.toBeInstanceOf(InvalidCursorError);
        const asBoolean = alter((p) => ({ ...p, v: [true, p.v[1]] }));
        await expect(items().find({ ...options, cursor: asBoolean })).rejects.toBeInstanceOf(InvalidCursorError);
        const withNull = alter((p) => ({ ...p, v: [null, p.v[1]] }));
        await expect(items().find({ ...options, cursor: withNull })).rejects.toBeInstanceOf(InvalidCursorError);
      });

      test('used with other filters, another sort or another collection, it is refused', async () => {
        await expect(items().find({ ...options, where: { group: 'h' }, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
        await expect(items().find({ ...options, orderBy: [['rank', 'desc']], cursor })).rejects.toBeInstanceOf(InvalidCursorError);
        await expect(items().find({ ...options, orderBy: [['name', 'asc']], cursor })).rejects.toBeInstanceOf(InvalidCursorError);
        await expect(store.collection(`${collectionName}other`).find({ ...options, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
        // A different page size is the same query.
        expect((await items().find({ ...options, limit: 3, cursor })).items.map((i) => i.name)).toEqual(['n2', 'n3', 'n4']);
      });
    });

    describe('under concurrency: many writers at once', () => {
      // Racing writers retry with jitter until each gets through; on a loaded 2-core machine (a CI run
      // beside other work) twenty of them through the SDK and its stand-in have taken over 30 s. The
      // assertions are about what the store ends up holding, never how fast.
      test('twenty transactions each take the next number of a gap-free sequence: 1…20, none twice, none skipped', async () => {
        const counterId = `seq-${collectionName}`;
        const taken = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            retryingNumberRaces(() =>
              store.transaction(async (tx) => {
                const number = await nextInSequence(tx as never, counterId);
                await tx.collection(collectionName).insert(item({ name: `第${i}件`, rank: number }));
                return number;
              }),
            ),
          ),
        );
        expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        const stored = (await items().find({ orderBy: [['rank', 'asc']], limit: 100 })).items.map((r) => r.rank);
        expect(stored).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect((await store.collection('counters').get(counterId))?.value).toBe(20);
      }, CONCURRENCY_TIMEOUT_MS);

      test('ten writers change the same version at once, in and out of transactions: exactly one wins, the rest are told', async () => {
        for (const inTransaction of [false, true]) {
          const saved = await items().insert(item({ name: 'contested' }));
          const attempts = await Promise.allSettled(
            Array.from({ length: 10 }, (_, i) =>
              inTransaction
                ? store.transaction(async (tx) => tx.collection(collectionName).update(saved.id, 1, { rank: 100 + i }))
                : items().update(saved.id, 1, { rank: 100 + i }),
            ),
          );
          const won = attempts.filter((a) => a.status === 'fulfilled');
          expect(won).toHaveLength(1);
          for (const lost of attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected')) expect(lost.reason).toBeInstanceOf(VersionConflictError);
          const after = await items().get(saved.id);
          expect(after?.version).toBe(2);
          expect(after?.rank).toBe((won[0] as PromiseFulfilledResult<Item>).value.rank);
        }
      }, CONCURRENCY_TIMEOUT_MS);

      test('twenty read-change-write increments retried on conflict: no update is lost', async () => {
        const saved = await items().insert(item({ rank: 0 }));
        const increment = async (): Promise<void> => {
          for (;;) {
            try {
              await store.transaction(async (tx) => {
                const current = (await tx.collection(collectionName).get(saved.id))!;
                await tx.collection(collectionName).update(saved.id, current.version, { rank: current.rank + 1 });
              });
              return;
            } catch (error) {
              if (!(error instanceof VersionConflictError)) throw error;
            }
          }
        };
        await Promise.all(Array.from({ length: 20 }, increment));
        expect(await items().get(saved.id)).toMatchObject({ rank: 20, version: 21 });
      }, CONCURRENCY_TIMEOUT_MS);

      test('transfers between records at once keep their total: a transaction is whole or absent', async () => {
        const accounts = await Promise.all([0, 1, 2].map((i) => items().insert(item({ name: `账户${i}`, rank: 100 }))));
        const transfer = async (from: number, to: number, amount: number): Promise<void> => {
          for (;;) {
            try {
              await store.transaction(async (tx) => {
                const c = tx.collection(collectionName);
                const a = (await c.get(accounts[from].id))!;
                const b = (await c.get(accounts[to].id))!;
                await c.update(a.id, a.version, { rank: a.rank - amount });
                if (amount > 30) throw new Error('refused after the first write');
                await c.update(b.id, b.version, { rank: b.rank + amount });
              });
              return;
            } catch (error) {
              if (error instanceof VersionConflictError) continue;
              return; // the refused transfer: nothing of it may remain
            }
          }
        };
        await Promise.all(Array.from({ length: 24 }, (_, i) => transfer(i % 3, (i + 1) % 3, (i % 8) * 5)));
        const after = await Promise.all(accounts.map((a) => items().get(a.id)));
        expect(after.reduce((sum, a) => sum + a!.rank, 0)).toBe(300);
      }, CONCURRENCY_TIMEOUT_MS);

      test('paging by a cursor while others insert and change records: every record that was there is seen exactly once', async () => {
        for (let i = 0; i < 40; i++) await items().insert(item({ name: `n${String(i).padStart(2, '0')}`, rank: i, group: 'page' }));
        const before = (await items().find({ where: { group: 'page' }, orderBy: [['rank', 'asc']], limit: 100 })).items.map((r) => r.id);
        const seen: string[] = [];
        let cursor: string | null = null;
        let writer = 0;
        do {
          const page: Awaited<ReturnType<ReturnType<typeof items>['find']>> = await items().find({ where: { group: 'page' }, orderBy: [['rank', 'asc']], limit: 7, cursor });
          seen.push(...page.items.map((r) => r.id));
          cursor = page.nextCursor;
          // Between pages, at once: new records before and after the cursor, and changes to fields the page does not sort by.
          await Promise.all([
            items().insert(item({ name: `late${writer}`, rank: 1000 + writer, group: 'page' })),
            items().insert(item({ name: `early${writer}`, rank: -1 - writer, group: 'page' })),
            store.transaction(async (tx) => {
              const target = (await tx.collection(collectionName).get(before[(writer * 7) % before.length]))!;
              await tx.collection(collectionName).update(target.id, target.version, { note: `改${writer}` });
            }),
          ]);
          writer++;
        } while (cursor && writer < 40);
        expect(new Set(seen).size).toBe(seen.length);
        for (const id of before) expect(seen).toContain(id);
        // Records added behind the cursor were not seen; some added ahead of it were, in order.
        expect(seen.filter((id) => before.includes(id))).toEqual(before);
      }, CONCURRENCY_TIMEOUT_MS);
    });

    async function names(): Promise<string[]> {
      return (await items().find({ orderBy: [['name', 'asc']], limit: 50 })).items.map((i) => i.name);
    }
  });
}
