import type { CollectionName } from '../../cloudfunctions/_runtime/collections';
import type { CloudHarness } from '../support/cloud-harness';
import { CONTRACT_ACTIONS, walkAction } from '../support/contract-walk';
import { fixtureCopyPerTest, fixtureImageOnce } from '../support/fixture';

/**
 * "Every change writes its event in the same transaction", walked over every
 * writing action of the contract: after each accepted call, every record of a
 * versioned collection that was created or whose version rose has at least one
 * new `events` record about it. A new action is held to this without a new test.
 */
const VERSIONED: CollectionName[] = ['requests', 'notices', 'noticeComments', 'followUps', 'ratings', 'windows', 'letterTemplates', 'calendar', 'staff', 'reports', 'reportCases'];

/** A calendar year's events name the year; every other record's events name its id. */
const subjectOf = (collection: CollectionName, id: string) => (collection === 'calendar' ? String(Number(id)) : id);

type Versions = Map<string, number>;

async function versionsOf(cloud: CloudHarness): Promise<Versions> {
  const store = cloud.store as unknown as { withConnection: <R>(op: (db: any) => R) => Promise<R> };
  return store.withConnection((db) => {
    const versions: Versions = new Map();
    for (const name of VERSIONED) {
      for (const row of db.prepare(`SELECT id, version FROM "${name}"`).all() as Array<{ id: string; version: number }>) {
        versions.set(`${name}/${row.id}`, row.version);
      }
    }
    return versions;
  });
}

async function eventIds(cloud: CloudHarness): Promise<Set<string>> {
  const store = cloud.store as unknown as { withConnection: <R>(op: (db: any) => R) => Promise<R> };
  return store.withConnection((db) => new Set((db.prepare('SELECT id FROM events').all() as Array<{ id: string }>).map((r) => r.id)));
}

/** How many versioned records the walk saw change: proof that it checked something. */
let changedInWalk = 0;

/** The records a call changed without saying so in `events`: `collection/id` of each. */
async function changesWithoutEvents(cloud: CloudHarness, call: () => Promise<unknown>): Promise<string[]> {
  const [before, eventsBefore] = await Promise.all([versionsOf(cloud), eventIds(cloud)]);
  await call();
  const after = await versionsOf(cloud);
  const newEvents = [...(await eventIds(cloud))].filter((id) => !eventsBefore.has(id));
  const subjects = new Set<string>();
  for (const id of newEvents) {
    const event = await cloud.store.collection('events').get(id);
    if (event) subjects.add(event.subjectId);
  }
  const silent: string[] = [];
  for (const [key, version] of after) {
    if (before.get(key) === version) continue;
    changedInWalk += 1;
    const [collection, id] = key.split('/') as [CollectionName, string];
    if (!subjects.has(subjectOf(collection, id))) silent.push(key);
  }
  return silent;
}

const writing = CONTRACT_ACTIONS.filter((walked) => walked.spec.writes);
const prepared = fixtureImageOnce();

describe.each(writing.map((walked) => [walked.name, walked] as const))('%s', (_name, walked) => {
  const { cloud, calls } = walkAction(prepared, walked);

  test('every versioned record it changes has an event about it, written with it', async () => {
    const silent: string[] = [];
    for (const call of calls()) silent.push(...(await changesWithoutEvents(cloud(), call)));
    expect(silent).toEqual([]);
  });
});

test('the walk changed records of every versioned kind it can reach', () => {
  expect(changedInWalk).toBeGreaterThanOrEqual(writing.length / 2);
});

describe('the check above can fail', () => {
  let cloud: CloudHarness;
  fixtureCopyPerTest(prepared, (c) => {
    cloud = c;
  });

  test('a notice changed behind the change road, with no event, is named', async () => {
    const notice = (await cloud.store.collection('notices').find({ orderBy: [['updatedAt', 'desc']], limit: 1 })).items[0];
    const silent = await changesWithoutEvents(cloud, () => cloud.store.collection('notices').update(notice.id, notice.version, { title: '悄悄改过的标题' }));
    expect(silent).toEqual([`notices/${notice.id}`]);
  });
});
