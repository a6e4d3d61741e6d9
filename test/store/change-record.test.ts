import { AppError } from '../../shared/api/errors';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { changeRecord, changeRecordRetrying } from '../../cloudfunctions/_runtime/change-record';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';
import { VersionConflictError } from '../../cloudfunctions/_runtime/store/port';
import type { CalendarEvent } from '../../cloudfunctions/calendar/calendar-data';

/** The one change road, over real SQLite: every way a change can end, and what each leaves behind. */
let store: SqliteStore;
beforeEach(async () => {
  store = new SqliteStore(':memory:', COLLECTIONS);
  await store.collection('counters').insert({ id: 'c', value: 1 });
});
afterEach(() => store.close());

const event = (detail: string): CalendarEvent => ({ subjectType: 'calendar', subjectId: 'c', action: 'daySet', actor: 'a', at: '2026-12-01T00:00:00.000Z', detail });
const events = async () => (await store.collection('events').find({ orderBy: [['at', 'asc']], limit: 10 })).items.map((e) => e.detail);
const bump = (detail = 'bumped') => () => ({ patch: { value: 2 }, events: [event(detail)] });

test('a change writes the patch and its events together, against the version read', async () => {
  const { record, changed } = await changeRecord(store, { collection: 'counters', id: 'c', expectedVersion: 1, notFound: 'VALIDATION_FAILED', decide: bump() });
  expect(changed).toBe(true);
  expect(record).toMatchObject({ value: 2, version: 2 });
  expect(await events()).toEqual(['bumped']);
});

test('a stale version is refused before anything is decided or written', async () => {
  const decide = jest.fn(bump());
  await expect(changeRecord(store, { collection: 'counters', id: 'c', expectedVersion: 7, notFound: 'VALIDATION_FAILED', decide })).rejects.toBeInstanceOf(VersionConflictError);
  expect(decide).not.toHaveBeenCalled();
  expect((await store.collection('counters').get('c'))?.version).toBe(1);
  expect(await events()).toEqual([]);
});

test('a missing record, or one the caller may not see, is the spec\'s not-found code', async () => {
  await expect(changeRecord(store, { collection: 'counters', id: 'nope', expectedVersion: 1, notFound: 'REQUEST_NOT_FOUND', decide: bump() })).rejects.toMatchObject({ code: 'REQUEST_NOT_FOUND' });
  const hidden = changeRecord(store, { collection: 'counters', id: 'c', expectedVersion: 1, notFound: 'REQUEST_NOT_FOUND', visible: () => false, decide: bump() });
  await expect(hidden).rejects.toBeInstanceOf(AppError);
  expect(await events()).toEqual([]);
});

test('a decision with no event is refused as a programming error, and nothing is written', async () => {
  await expect(changeRecord(store, { collection: 'counters', id: 'c', expectedVersion: 1, notFound: 'VALIDATION_FAILED', decide: () => ({ patch: { value: 9 }, events: [] }) })).rejects.toThrow(/at least one event/);
  expect((await store.collection('counters').get('c'))?.value).toBe(1);
});

test('nothing to change writes nothing', async () => {
  const { changed, record } = await changeRecord(store, { collection: 'counters', id: 'c', expectedVersion: 1, notFound: 'VALIDATION_FAILED', decide: () => null });
  expect(changed).toBe(false);
  expect(record.version).toBe(1);
  expect(await events()).toEqual([]);
});

test('a failure in the alongside writes rolls the whole change back', async () => {
  const decide = () => ({ ...bump()(), alongside: async () => Promise.reject(new Error('outbox down')) });
  await expect(changeRecord(store, { collection: 'counters', id: 'c', expectedVersion: 1, notFound: 'VALIDATION_FAILED', decide })).rejects.toThrow('outbox down');
  expect((await store.collection('counters').get('c'))?.value).toBe(1);
  expect(await events()).toEqual([]);
});

test('`initial` makes a missing record version 0: the first change creates it, a second creator is stale', async () => {
  const spec = { collection: 'counters' as const, id: 'new', expectedVersion: 0, notFound: 'VALIDATION_FAILED' as const, initial: { value: 0 }, decide: bump('created') };
  expect((await changeRecord(store, spec)).record).toMatchObject({ id: 'new', value: 2, version: 1 });
  await expect(changeRecord(store, spec)).rejects.toBeInstanceOf(VersionConflictError);
  expect(await events()).toEqual(['created']);
});

test('a job\'s change decided on what is current is retried when it lost a race, at most `attempts` times', async () => {
  let calls = 0;
  const decide = async (current: { value: number }) => {
    calls += 1;
    // Losing the race looks like this from inside: the versioned write conflicts and the transaction rolls back.
    if (calls === 1) throw new VersionConflictError('counters', 'c');
    return { patch: { value: current.value + 10 }, events: [event(`from ${current.value}`)] };
  };
  const result = await changeRecordRetrying(store, { collection: 'counters', id: 'c', notFound: 'VALIDATION_FAILED', decide });
  expect(calls).toBe(2);
  expect(result.record.value).toBe(11);
  expect(await events()).toEqual(['from 1']);

  const alwaysLosing = async () => Promise.reject(new VersionConflictError('counters', 'c'));
  await expect(changeRecordRetrying(store, { collection: 'counters', id: 'c', notFound: 'VALIDATION_FAILED', decide: alwaysLosing }, 3)).rejects.toBeInstanceOf(VersionConflictError);
});
