import type { AnyCollections } from '../../cloudfunctions/_runtime/store/port';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';

/** `find({ fields })`: a list reads only what it shows (speed work), and pages as before. */
test('a projection returns the named fields with id, version and sort fields, never the rest', async () => {
  const store = new SqliteStore<AnyCollections>(':memory:', COLLECTIONS);
  const things = store.collection('things');
  for (let i = 1; i <= 5; i++) {
    await things.insert({ id: `t${i}`, title: `标题${i}`, body: '正文'.repeat(1000), at: `2026-11-0${i}`, ...(i === 1 ? { period: { start: '2026-11-01' } } : {}) });
  }
  const first = await things.find({ orderBy: [['at', 'desc']], limit: 2, fields: ['title', 'period'] });
  expect(first.items).toEqual([
    { id: 't5', version: 1, title: '标题5', at: '2026-11-05', period: null },
    { id: 't4', version: 1, title: '标题4', at: '2026-11-04', period: null },
  ]);
  const rest = await things.find({ orderBy: [['at', 'desc']], limit: 10, fields: ['title', 'period'], cursor: first.nextCursor });
  expect(rest.items.map((t) => t.id)).toEqual(['t3', 't2', 't1']);
  // Nested values come back as objects, not JSON text.
  expect(rest.items[2]).toEqual({ id: 't1', version: 1, title: '标题1', at: '2026-11-01', period: { start: '2026-11-01' } });
  expect(rest.items.some((t) => 'body' in t)).toBe(false);
  // Without a projection, whole documents as before.
  expect((await things.find({ orderBy: [['at', 'desc']], limit: 1 })).items[0].body).toHaveLength(2000);
  await expect(things.find({ orderBy: [['at', 'desc']], limit: 1, fields: ["title'); DROP TABLE things; --"] })).rejects.toThrow();
  store.close();
});
