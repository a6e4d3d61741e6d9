import { contract } from '../../shared/api/contract';
import type { ActionSpec } from '../../shared/api/define';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { prepareFixture } from '../support/fixture';
import { VALID_INPUTS, type Fixture } from '../support/valid-inputs';

/**
 * What residents (and anonymous visitors) get back must never carry a staff
 * member's OPENID or the bookkeeping fields of a record. This walks every
 * `anyone` and `resident` action in the contract with every valid input, so
 * an action added later is checked without anyone remembering to add it here.
 */
const INTERNAL_FIELDS = [
  'createdBy', 'updatedBy', 'publishedBy', 'withdrawnBy', 'deletedBy', 'assignedTo', 'assignee', 'handledBy',
  // The caller's own `openid` (whoami) is not internal; a staff member's is caught by value.
  'actor', '_openid', 'staffId', 'staffOpenid', 'withdrawReason', 'internalNote', 'internalNotes',
];

const RESIDENT = 'resident-public-view';

const publicActions = Object.entries(contract).flatMap(([fn, spec]) =>
  Object.entries(spec as Record<string, ActionSpec>)
    .filter(([, action]) => action.access.kind === 'anyone' || action.access.kind === 'resident')
    .map(([action, s]) => [fn, action, s.access.kind] as const),
);

/** Every place in `value` that breaks the rule, as readable paths. */
function leaks(value: unknown, staffIds: string[], path = '$', found: string[] = []): string[] {
  if (typeof value === 'string') {
    for (const id of staffIds) if (value.includes(id)) found.push(`${path} holds staff OPENID ${id}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => leaks(v, staffIds, `${path}[${i}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (INTERNAL_FIELDS.includes(key)) found.push(`${path}.${key} is an internal field`);
      for (const id of staffIds) if (key.includes(id)) found.push(`${path}.${key} names staff OPENID ${id}`);
      leaks(v, staffIds, `${path}.${key}`, found);
    }
  }
  return found;
}

test('the walk covers the public actions that exist today', () => {
  expect(publicActions.map(([fn, a]) => `${fn}.${a}`)).toEqual(expect.arrayContaining(['notices.get', 'notices.list', 'directory.departments', 'session.whoami']));
});

test('the leak check itself finds an OPENID and an internal field', () => {
  expect(leaks({ a: [{ createdBy: 'x' }], b: '由 demo-editor 发布' }, ['demo-editor'])).toEqual([
    '$.a[0].createdBy is an internal field',
    '$.b holds staff OPENID demo-editor',
  ]);
});

describe.each(publicActions)('%s.%s (%s)', (fn, action, access) => {
  let cloud: CloudHarness;
  let fixture: Fixture;
  let staffIds: string[];

  beforeAll(async () => {
    cloud = await createCloudHarness();
    fixture = await prepareFixture(cloud);
    const staff = await cloud.store.collection('staff').find({ orderBy: [['id', 'asc']], limit: 1000 });
    staffIds = staff.items.map((s) => s.id);
    expect(staffIds.length).toBeGreaterThan(0);
  });
  afterAll(() => cloud.close());

  const callers = access === 'anyone' ? [null, RESIDENT] : [RESIDENT];
  test.each(callers)('answers to %s carry no staff OPENID and no internal field', async (openid) => {
    const inputs = (VALID_INPUTS as any)[fn][action](fixture) as unknown[];
    expect(inputs.length).toBeGreaterThan(0);
    for (const data of inputs) {
      const answer = ok(await cloud.call(openid, fn, { action, data }));
      expect(leaks(answer, staffIds)).toEqual([]);
    }
  });
});
