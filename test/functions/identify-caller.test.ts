import { identifyCaller } from '../../cloudfunctions/_runtime/identify-caller';
import type { Logger } from '../../cloudfunctions/_runtime/handler-context';
import type { AnyCollections, Store } from '../../cloudfunctions/_runtime/store/port';
import { createCloudHarness, type CloudHarness } from '../support/cloud-harness';

/** Staff records are typed by hand in the CloudBase console: anything malformed grants nothing, and is logged. */
let cloud: CloudHarness;
const logged: Array<[string, Record<string, unknown> | undefined]> = [];
const log: Logger = { info: () => undefined, error: (message, fields) => void logged.push([message, fields]) };

beforeEach(async () => {
  cloud = await createCloudHarness({ seed: false });
  logged.length = 0;
});
afterEach(() => cloud.close());

/** Staff records as hand-typed in the console may be malformed: written here without the registry's type. */
const rawStaff = () => (cloud.store as unknown as Store<AnyCollections>).collection('staff');

const good = { name: '测试人员', roles: ['admin'], departmentId: 'office', active: true };

test('a well-formed active record makes the caller staff, with exactly its roles', async () => {
  await rawStaff().insert({ id: 'ok-staff', ...good, phone: '0571-1234' });
  expect(await identifyCaller('ok-staff', cloud.store, log)).toEqual({
    openid: 'ok-staff',
    staff: { name: '测试人员', roles: ['admin'], departmentIds: ['office'], departmentId: 'office' },
  });
  expect(logged).toEqual([]);
});

test.each([
  ['several departments', { departmentIds: ['approval', 'office'] }, ['approval', 'office']],
  ['several departments beside an old departmentId', { departmentIds: ['housing'], departmentId: 'office' }, ['housing']],
  ['no department (null, as the console allowed)', { departmentId: null }, []],
  ['no department field at all', { departmentId: undefined }, []],
])('%s: read as departmentIds', async (_label, change, departmentIds) => {
  const record: Record<string, unknown> = { id: 'dept-staff', ...good, roles: ['handler', 'viewer'], ...change };
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  await rawStaff().insert(record);
  expect(await identifyCaller('dept-staff', cloud.store, log)).toEqual({
    openid: 'dept-staff',
    staff: { name: '测试人员', roles: ['handler', 'viewer'], departmentIds, departmentId: departmentIds[0] ?? null },
  });
  expect(logged).toEqual([]);
});

test.each([
  ['active as the string "false"', { active: 'false' }],
  ['active as the string "true"', { active: 'true' }],
  ['active as 1', { active: 1 }],
  ['active missing', { active: undefined }],
  ['an unknown role', { roles: ['admin', 'superuser'] }],
  ['roles as a string', { roles: 'admin' }],
  ['no roles', { roles: [] }],
  ['no name', { name: '' }],
  ['departmentId a number', { departmentId: 7 }],
  ['departmentIds a string', { departmentIds: 'office' }],
  ['departmentIds with an empty id', { departmentIds: ['office', ''] }],
])('%s: not staff, and logged', async (_label, change) => {
  const record: Record<string, unknown> = { id: 'bad-staff', ...good, ...change };
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  await rawStaff().insert(record);
  expect(await identifyCaller('bad-staff', cloud.store, log)).toEqual({ openid: 'bad-staff', staff: null });
  expect(logged).toHaveLength(1);
  expect(logged[0][0]).toMatch(/malformed staff record/);
  expect(logged[0][1]).toMatchObject({ staffId: 'bad-staff' });
});

test('an inactive record is not staff and is not an error', async () => {
  await rawStaff().insert({ id: 'left', ...good, active: false });
  expect(await identifyCaller('left', cloud.store, log)).toEqual({ openid: 'left', staff: null });
  expect(logged).toEqual([]);
});

test('over the functions: a string "false" cannot publish', async () => {
  await rawStaff().insert({ id: 'console-typo', ...good, active: 'false' });
  const answer = await cloud.call('console-typo', 'notices', { action: 'manageList', data: {} });
  expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});
