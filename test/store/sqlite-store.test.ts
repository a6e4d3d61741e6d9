import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';
import { storeContract } from './store-contract';

storeContract('SQLite (in memory)', () => new SqliteStore(':memory:', COLLECTIONS), (s) => s.close?.());

const dirs: string[] = [];
storeContract(
  'SQLite (file, WAL)',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-store-'));
    dirs.push(dir);
    return new SqliteStore(join(dir, 'test.sqlite'), COLLECTIONS);
  },
  (s) => s.close?.(),
);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('a plain write made while a transaction awaits is not rolled back with it', async () => {
  const store = new SqliteStore(':memory:');
  const notes = store.collection<{ text: string }>('notes');
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const failing = store.transaction(async (tx) => {
    await tx.collection<{ text: string }>('notes').insert({ text: 'inside' });
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
  const store = new SqliteStore(':memory:', COLLECTIONS);
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
