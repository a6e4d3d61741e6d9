import { contract } from '../../shared/api/contract';
import type { ActionSpec } from '../../shared/api/define';
import type { CloudHarness } from '../support/cloud-harness';
import { fixtureCopyPerTest, fixtureImageOnce } from '../support/fixture';
import { VALID_INPUTS, type Fixture } from '../support/valid-inputs';

/**
 * What residents (and anonymous visitors) get back must never carry a staff
 * member's OPENID, a staff member's name, or the bookkeeping fields of a record. This walks every
 * `anyone` and `resident` action in the contract with every valid input, so
 * an action added later is checked without anyone remembering to add it here.
 */
const INTERNAL_FIELDS = [
  'createdBy', 'updatedBy', 'publishedBy', 'withdrawnBy', 'deletedBy', 'assignedTo', 'assignee', 'handledBy',
  // The caller's own `openid` (whoami) is not internal; a staff member's is caught by value.
  'actor', 'actorOpenid', '_openid', 'staffId', 'staffOpenid', 'withdrawReason', 'internalNote', 'internalNotes',
];

/**
 * Fields with an internal-sounding name that an action's public answer may
 * carry on purpose, each with the reason. Values are still checked: no staff
 * OPENID may appear in them. Keep this list short; prefer a public name.
 */
const PUBLIC_ON_PURPOSE: Record<string, string[]> = {
  // A resident's own timeline says who acted by role ('applicant' | 'staff'), never by identity.
  'requests.submit': ['actor'],
  'requests.get': ['actor'],
  'requests.supplement': ['actor'],
  'requests.giveReasons': ['actor'],
  'requests.withdraw': ['actor'],
};

// resident-a owns the fixture's own records (e.g. its disclosure requests), as in the authorisation matrix.
const RESIDENT = 'resident-a';

const publicActions = Object.entries(contract).flatMap(([fn, spec]) =>
  Object.entries(spec as Record<string, ActionSpec>)
    .filter(([, action]) => action.access.kind === 'anyone' || action.access.kind === 'resident')
    .map(([action, s]) => [fn, action, s.access.kind] as const),
);

/** Every place in `value` that breaks the rule, as readable paths. `staffNames` are checked too (the staff list's display names). */
function leaks(value: unknown, staffIds: string[], allowed: string[] = [], staffNames: string[] = [], path = '$', found: string[] = []): string[] {
  if (typeof value === 'string') {
    for (const id of staffIds) if (value.includes(id)) found.push(`${path} holds staff OPENID ${id}`);
    for (const name of staffNames) if (value.includes(name)) found.push(`${path} holds staff name ${name}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => leaks(v, staffIds, allowed, staffNames, `${path}[${i}]`, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (INTERNAL_FIELDS.includes(key) && !allowed.includes(key)) found.push(`${path}.${key} is an internal field`);
      for (const id of staffIds) if (key.includes(id)) found.push(`${path}.${key} names staff OPENID ${id}`);
      leaks(v, staffIds, allowed, staffNames, `${path}.${key}`, found);
    }
  }
  return found;
}

test('the walk covers the public actions that exist today', () => {
  expect(publicActions.map(([fn, a]) => `${fn}.${a}`)).toEqual(expect.arrayContaining(['notices.get', 'notices.list', 'directory.departments', 'session.whoami']));
});

test('the leak check itself finds an OPENID and an internal field, also in a field public on purpose', () => {
  expect(leaks({ a: [{ createdBy: 'x' }], b: '由 demo-editor 发布', actor: 'demo-editor' }, ['demo-editor'], ['actor'])).toEqual([
    '$.a[0].createdBy is an internal field',
    '$.b holds staff OPENID demo-editor',
    '$.actor holds staff OPENID demo-editor',
  ]);
  expect(leaks({ calendar: { updatedAt: '2026-11-24', note: '张敏 最后修改' } }, ['demo-admin'], [], ['张敏'])).toEqual(['$.calendar.note holds staff name 张敏']);
});

test('every exception names an action that exists and is public', () => {
  for (const name of Object.keys(PUBLIC_ON_PURPOSE)) expect(publicActions.map(([fn, a]) => `${fn}.${a}`)).toContain(name);
});

// Seeded and prepared once; each test opens its own copy of that database (milliseconds, not a seeding each).
const prepared = fixtureImageOnce();

describe.each(publicActions)('%s.%s (%s)', (fn, action, access) => {
  let cloud: CloudHarness;
  let fixture: Fixture;
  fixtureCopyPerTest(prepared, (c, f) => {
    cloud = c;
    fixture = f;
  });

  const staffOf = async () => {
    const staff = await cloud.store.collection('staff').find({ orderBy: [['id', 'asc']], limit: 1000 });
    expect(staff.items.length).toBeGreaterThan(0);
    return { staffIds: staff.items.map((s) => s.id), staffNames: staff.items.map((s) => s.name) };
  };

  const callers = access === 'anyone' ? [null, RESIDENT] : [RESIDENT];
  test.each(callers)('answers to %s carry no staff OPENID, no staff name and no internal field', async (openid) => {
    const { staffIds, staffNames } = await staffOf();
    const inputs = (VALID_INPUTS as any)[fn][action](fixture) as unknown[];
    expect(inputs.length).toBeGreaterThan(0);
    for (const data of inputs) {
      // Checked whatever the outcome: a refusal (e.g. a one-time code already used) must not leak either.
      const answer = await cloud.call(openid, fn, { action, data });
      expect(leaks(answer, staffIds, PUBLIC_ON_PURPOSE[`${fn}.${action}`], staffNames)).toEqual([]);
    }
  });
});
