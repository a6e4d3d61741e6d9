import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';

/**
 * The collection registry types every read and write. The `@ts-expect-error` lines are checked by
 * `tsc` in `npm test`: if a misspelt collection or a missing field ever compiled, the directive
 * itself would become the error.
 */
test('a collection name decides its record type; events are one union told apart by subjectType', async () => {
  const store = new SqliteStore(':memory:', COLLECTIONS);
  const requests = store.collection('requests');
  // @ts-expect-error — there is no collection 'request'
  expect(() => store.collection('request')).not.toThrow(); // the SQLite adapter itself would create any table
  await store.collection('counters').insert({ id: 'requests-2026', value: 3 });
  const counter = await store.collection('counters').get('requests-2026');
  expect(counter?.value).toBe(3);
  // @ts-expect-error — a counter has no field 'count'
  expect(counter?.count).toBeUndefined();

  await store.collection('events').insert({ subjectType: 'calendar', subjectId: '2027', action: 'yearSet', actor: 'a', at: '2026-11-01T00:00:00.000Z', detail: null });
  const [event] = (await store.collection('events').find({ orderBy: [['at', 'asc']], limit: 1 })).items;
  // @ts-expect-error — only a notice's event has `changes`; the union must be narrowed first
  expect(event.changes).toBeUndefined();
  if (event.subjectType === 'notice') throw new Error('the calendar event came back as a notice event');
  expect(event.action).toBe('yearSet');
  expect(await requests.count()).toBe(0);
  store.close();
});

test('every registered collection has its index declaration, and nothing else does', () => {
  const names: CollectionName[] = ['notices', 'requests', 'events', 'ratings', 'followUps', 'outbox', 'staffInvites', 'audit'];
  for (const name of names) expect(COLLECTIONS[name]).toBeDefined();
  expect(Object.keys(COLLECTIONS)).toHaveLength(40);
});
