import type { AnyCollections } from '../../cloudfunctions/_runtime/store/port';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';
import { storeContract } from './store-contract';

storeContract('SQLite (in memory)', () => new SqliteStore<AnyCollections>(':memory:', COLLECTIONS), (s) => s.close?.());

const dirs: string[] = [];
storeContract(
  'SQLite (file, WAL)',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-store-'));
    dirs.push(dir);
    return new SqliteStore<AnyCollections>(join(dir, 'test.sqlite'), COLLECTIONS);
  },
  (s) => s.close?.(),
);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('a plain write made while a transaction awaits is not rolled back with it', async () => {
  const store = new SqliteStore<AnyCollections>(':memory:');
  const notes = store.collection('notes');
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const failing = store.transaction(async (tx) => {
    await tx.collection('notes').insert({ text: 'inside' });
    await gate;
    throw new Error('rolled back');
  });
  const outside = notes.insert({ text: 'outside' });
  release();
  await expect(failing).rejects.toThrow('rolled back');
  await outside;
  const texts = (await notes.find({ orderBy: [['text', 'asc']], limit: 10 })).items.map((n) => n.text);
  expect(texts).toEqual(['outside']);
  store.close();
});

test('declared indexes exist and are used by the resident notice list', () => {
  const store = new SqliteStore<AnyCollections>(':memory:', COLLECTIONS);
  store.collection('notices');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = (store as any).db;
  const plan = db
    .prepare(
      "EXPLAIN QUERY PLAN SELECT doc FROM notices WHERE json_extract(doc, '$.status') = ? AND json_extract(doc, '$.kind') = ? ORDER BY json_extract(doc, '$.publishedAt') DESC, id DESC LIMIT 21",
    )
    .all('published', 'policy')
    .map((r: { detail: string }) => r.detail)
    .join('\n');
  expect(plan).toMatch(/USING INDEX notices__status_kind_publishedAt/);
  store.close();
});

describe('tables survive whatever happens around their creation', () => {
  const tables = (store: SqliteStore<AnyCollections>): string[] =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ((store as any).db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);

  test('every declared collection and its indexes exist as soon as the store opens', () => {
    const store = new SqliteStore<AnyCollections>(':memory:', COLLECTIONS);
    expect(tables(store).sort()).toEqual(Object.keys(COLLECTIONS).sort());
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const indexes = ((store as any).db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%\\_\\_%' ESCAPE '\\'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(indexes.length).toBe(Object.values(COLLECTIONS).reduce((n, list) => n + list.length, 0));
    store.close();
  });

  test('a collection first touched inside a transaction that rolls back still works afterwards', async () => {
    for (const declared of [false, true]) {
      const store = declared ? new SqliteStore<AnyCollections>(':memory:', { fresh: [['n']] }) : new SqliteStore<AnyCollections>(':memory:');
      await expect(
        store.transaction(async (tx) => {
          await tx.collection('fresh').insert({ n: 1 });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.collection('fresh').count()).toBe(0);
      await store.transaction(async (tx) => {
        await tx.collection('fresh').insert({ n: 2 });
      });
      await store.collection('fresh').insert({ n: 3 });
      expect(await store.collection('fresh').count()).toBe(2);
      store.close();
    }
  });

  test("a first plain call made while another request's transaction rolls back still works afterwards", async () => {
    const store = new SqliteStore<AnyCollections>(':memory:');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const failing = store.transaction(async (tx) => {
      await tx.collection('other').insert({ text: 'x' });
      entered();
      await gate;
      throw new Error('rolled back');
    });
    await inside;
    // The first ever use of `notes`, while the transaction above is open.
    const notes = store.collection('notes');
    const write = notes.insert({ text: 'kept' });
    release();
    await expect(failing).rejects.toThrow('rolled back');
    await write;
    expect((await notes.find({ orderBy: [['text', 'asc']], limit: 5 })).items.map((n) => n.text)).toEqual(['kept']);
    expect(await store.collection('other').count()).toBe(0);
    store.close();
  });
});
