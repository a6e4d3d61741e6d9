import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OTHER_WRITERS_CHECK_MS } from '../../cloudfunctions/_runtime/store/sqlite-read-cache';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';

/**
 * The SQLite adapter answers a repeated find from memory (sqlite-read-cache.ts).
 * Each test reads a page first, so that the page is remembered, then changes the
 * data by one route, and the next find must show the change.
 */
type Thing = { title: string; at: string };
type ThingCollections = { things: Thing };
const newest = { orderBy: [['at', 'desc']] as Array<[string, 'desc']>, limit: 10 };

let dir: string;
let store: SqliteStore<ThingCollections>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sg-read-cache-'));
  store = new SqliteStore<ThingCollections>(join(dir, 'test.sqlite'), { things: [['at']] });
  await store.collection('things').insert({ id: 't1', title: '一', at: '2026-11-01' });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const titles = async (s: SqliteStore<ThingCollections> = store) => (await s.collection('things').find(newest)).items.map((t) => t.title);

test('an insert and an update through the port show at once, in finds and counts', async () => {
  expect(await titles()).toEqual(['一']);
  expect(await store.collection('things').count()).toBe(1);
  await store.collection('things').insert({ id: 't2', title: '二', at: '2026-11-02' });
  expect(await titles()).toEqual(['二', '一']);
  expect(await store.collection('things').count()).toBe(2);
  await store.collection('things').update('t1', 1, { title: '一改' });
  expect(await titles()).toEqual(['二', '一改']);
});

test('a committed transaction shows, and a rolled-back one leaves no trace in later reads', async () => {
  expect(await titles()).toEqual(['一']);
  await expect(
    store.transaction(async (tx) => {
      await tx.collection('things').insert({ id: 't2', title: '二', at: '2026-11-02' });
      throw new Error('roll back');
    }),
  ).rejects.toThrow('roll back');
  expect(await titles()).toEqual(['一']);
  await store.transaction(async (tx) => {
    await tx.collection('things').update('t1', 1, { title: '一改' });
  });
  expect(await titles()).toEqual(['一改']);
});

test('a repeated search is remembered until a notice changes', async () => {
  let runs = 0;
  const read = () => store.withConnection(() => ({ runs: ++runs }), { collections: ['things'], key: 'q' });
  expect(await read()).toEqual({ runs: 1 });
  expect(await read()).toEqual({ runs: 1 });
  await store.collection('things').insert({ id: 't2', title: '二', at: '2026-11-02' });
  expect(await read()).toEqual({ runs: 2 });
});

test('a write by another process (another connection to the file) shows too', async () => {
  expect(await titles()).toEqual(['一']);
  const other = new SqliteStore<ThingCollections>(join(dir, 'test.sqlite'), { things: [['at']] });
  await other.collection('things').insert({ id: 't2', title: '二', at: '2026-11-02' });
  other.close();
  await new Promise((resolve) => setTimeout(resolve, OTHER_WRITERS_CHECK_MS + 5)); // how often it asks
  expect(await titles()).toEqual(['二', '一']);
});

test('a read by id shows an update, and a record inserted after it was missing', async () => {
  const things = store.collection('things');
  expect(await things.get('t2')).toBeNull();
  expect((await things.get('t1'))?.title).toBe('一');
  await things.insert({ id: 't2', title: '二', at: '2026-11-02' });
  await things.update('t1', 1, { title: '一改' });
  expect((await things.get('t2'))?.title).toBe('二');
  expect((await things.get('t1'))?.title).toBe('一改');
});

test('a raw write on the connection (beside the port) shows too', async () => {
  expect(await titles()).toEqual(['一']);
  await store.withConnection((db) => db.prepare(`UPDATE things SET doc = json_set(doc, '$.title', '原始') WHERE id = 't1'`).run());
  expect(await titles()).toEqual(['原始']);
});

test('every caller gets its own objects: changing one page does not change the next answer', async () => {
  const first = await store.collection('things').find(newest);
  first.items[0].title = '被调用方改掉';
  expect(await titles()).toEqual(['一']);
});

describe('remembered answers (store.remember)', () => {
  let runs = 0;
  beforeEach(() => {
    runs = 0;
  });
  /** An answer worked out from the things: their titles, and how many times it was worked out. */
  const answer = (s: SqliteStore<ThingCollections> = store, key = 'titles') =>
    s.remember(['things'], key, async () => ({ titles: await titles(s), runs: ++runs }));

  test('is worked out once and handed out again until the collection changes, by any road', async () => {
    expect(await answer()).toEqual({ titles: ['一'], runs: 1 });
    expect(await answer()).toEqual({ titles: ['一'], runs: 1 });
    expect(await answer(store, 'another key')).toEqual({ titles: ['一'], runs: 2 });
    await store.collection('things').insert({ id: 't2', title: '二', at: '2026-11-02' });
    expect(await answer()).toEqual({ titles: ['二', '一'], runs: 3 });
    await store.transaction(async (tx) => {
      await tx.collection('things').update('t1', 1, { title: '一改' });
    });
    expect(await answer()).toEqual({ titles: ['二', '一改'], runs: 4 });
    await store.withConnection((db) => db.prepare(`UPDATE things SET doc = json_set(doc, '$.title', '原始') WHERE id = 't2'`).run());
    expect(await answer()).toEqual({ titles: ['原始', '一改'], runs: 5 });
    const other = new SqliteStore<ThingCollections>(join(dir, 'test.sqlite'), { things: [['at']] });
    await other.collection('things').insert({ id: 't3', title: '三', at: '2026-11-03' });
    other.close();
    await new Promise((resolve) => setTimeout(resolve, OTHER_WRITERS_CHECK_MS + 5));
    expect(await answer()).toEqual({ titles: ['三', '原始', '一改'], runs: 6 });
  });

  test('a change while it is being worked out is not hidden: the answer begun before it is not kept', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = store.remember(['things'], 'titles', async () => {
      const read = await titles();
      await held; // a write lands between the read and the end of the work
      return { titles: read, runs: ++runs };
    });
    await store.collection('things').insert({ id: 't2', title: '二', at: '2026-11-02' });
    release();
    expect(await slow).toEqual({ titles: ['一'], runs: 1 });
    expect(await answer()).toEqual({ titles: ['二', '一'], runs: 2 });
  });

  test('callers asking at once share one working out; a failure is not kept', async () => {
    const [a, b] = await Promise.all([answer(), answer()]);
    expect(a).toBe(b);
    expect(runs).toBe(1);
    await expect(store.remember(['things'], 'fails', async () => Promise.reject(new Error('读取失败')))).rejects.toThrow('读取失败');
    expect(await store.remember(['things'], 'fails', async () => ({ runs: ++runs }))).toEqual({ runs: 2 });
  });

  test('the shared answer is frozen to its depth: no holder can change what the next one is handed', async () => {
    const first = await answer();
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.titles)).toBe(true);
    expect(() => (first.titles as string[]).push('被调用方加上')).toThrow(/not extensible/);
    expect((await answer()).titles).toEqual(['一']);
  });

  test('inside a transaction nothing is kept: its reads may see its own uncommitted writes', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('things').insert({ id: 't2', title: '二', at: '2026-11-02' });
        const inside = await store.remember(['things'], 'titles', async () => ({ runs: ++runs, title: (await tx.collection('things').get('t2'))?.title }));
        expect(inside).toEqual({ runs: 1, title: '二' });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await answer()).toEqual({ titles: ['一'], runs: 2 });
  });
});
