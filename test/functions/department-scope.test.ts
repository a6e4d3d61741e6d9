import { remindStaffOfDeadlines } from '../../cloudfunctions/_notifications/remind-staff-of-deadlines';
import { requestDeadlines } from '../../cloudfunctions/_notifications/request-deadlines';
import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application, enteredApplication } from '../support/request-factories';

/**
 * Department scope (shared/requests/department-scope.ts): a request is handled by one department,
 * chosen on registration and reassignable; a handler sees and acts on their departments' requests
 * only, and on online applications nobody has registered yet; an admin on every request. Outside
 * their scope a request is answered like one that does not exist.
 *
 * The people: demo-clerk (李华, 局办公室), a handler of 住房保障科, a handler with no department,
 * and demo-admin.
 */
let cloud: CloudHarness;
const HOUSING = 'housing-clerk';
const NOWHERE = 'no-department-clerk';
beforeEach(async () => {
  cloud = await createCloudHarness({ now: new Date('2026-09-28T02:00:00Z') });
  await cloud.store.collection('staff').insert({ id: HOUSING, name: '住房保障科办理人员', roles: ['handler'], departmentIds: ['housing'], departmentId: 'housing', active: true });
  await cloud.store.collection('staff').insert({ id: NOWHERE, name: '未分部门办理人员', roles: ['handler'], departmentIds: [], departmentId: null, active: true });
});
afterEach(() => cloud.close());

const as = (openid: string, action: string, data: unknown = {}) => cloud.call(openid, 'requests', { action, data });
const submitted = async () => ok(await as('resident-a', 'submit', application()));
const registered = async (by = 'demo-clerk', departmentId?: string) => {
  const r = await submitted();
  return ok(await as(by, 'register', { id: r.id, version: r.version, ...(departmentId ? { departmentId } : {}) }));
};
const queueIds = async (openid: string, data: unknown = {}) => {
  const page = ok(await as(openid, 'queue', { limit: 50, ...(data as object) }));
  return { items: page.items.map((i: { id: string }) => i.id) as string[], waiting: page.awaitingRegistration.map((i: { id: string }) => i.id) as string[] };
};
const viewsOf = async (id: string) =>
  (await cloud.store.collection('events').find({ where: { subjectId: id }, orderBy: [['at', 'asc']], limit: 100 })).items.filter((e) => e.action === 'personalDataViewed');

test('registered by a clerk, a request is in the clerk\'s department by default, and another department\'s handler cannot see or touch it', async () => {
  const r = await registered();
  expect(r.departmentId).toBe('office');
  expect(r.timeline.at(-1).detail).toContain('承办部门：局办公室');

  expect((await queueIds('demo-clerk')).items).toContain(r.id);
  expect((await queueIds(HOUSING)).items).not.toContain(r.id);
  expect((await queueIds('demo-admin')).items).toContain(r.id);

  // Not found, exactly like an id that does not exist: same code, same message, and nothing recorded as seen.
  const hidden = await as(HOUSING, 'manageGet', { id: r.id });
  const missing = await as(HOUSING, 'manageGet', { id: 'no-such-request' });
  expect(hidden).toEqual(missing);
  expect(hidden).toMatchObject({ ok: false, code: 'REQUEST_NOT_FOUND' });
  expect(await viewsOf(r.id)).toHaveLength(0);
  for (const [action, data] of [
    ['reply', { id: r.id, version: r.version, category: 'disclosed', text: '予以公开。' }],
    ['extend', { id: r.id, version: r.version, workingDays: 5, approver: '张敏', reason: '需要调取档案' }],
    ['close', { id: r.id, version: r.version, category: 'other.other', reason: '申请人书面确认不再需要', basis: '第二十九条' }],
    ['assignDepartment', { id: r.id, version: r.version, departmentId: 'housing' }],
  ] as const) {
    expect(await as(HOUSING, action, data)).toMatchObject({ ok: false, code: 'REQUEST_NOT_FOUND' });
  }
  expect(await cloud.call(HOUSING, 'deliveries', { action: 'forSubject', data: { subjectId: r.id } })).toMatchObject({ ok: false, code: 'DELIVERY_SUBJECT_NOT_FOUND' });
  expect((await cloud.store.collection('requests').get(r.id))!.version).toBe(r.version);

  ok(await as('demo-clerk', 'manageGet', { id: r.id }));
  expect(await viewsOf(r.id)).toHaveLength(1);
});

test('the clerk may pick the department on registration; an unknown department is refused on its field', async () => {
  const r = await submitted();
  expect(await as('demo-clerk', 'register', { id: r.id, version: r.version, departmentId: 'nowhere' })).toMatchObject({
    ok: false,
    code: 'VALIDATION_FAILED',
    fields: { departmentId: expect.stringMatching(/[\u4e00-\u9fff]/) },
  });
  const done = ok(await as('demo-clerk', 'register', { id: r.id, version: r.version, departmentId: 'housing' }));
  expect(done).toMatchObject({ status: 'registered', departmentId: 'housing' });
  expect(await as('demo-clerk', 'manageGet', { id: r.id })).toMatchObject({ ok: false, code: 'REQUEST_NOT_FOUND' });
  expect(ok(await as(HOUSING, 'manageGet', { id: r.id })).departmentId).toBe('housing');
});

test('an entered letter goes to the department picked, or the clerk\'s own', async () => {
  const own = ok(await as('demo-clerk', 'enter', enteredApplication({ receivedOn: '2026-09-25' })));
  const picked = ok(await as('demo-clerk', 'enter', enteredApplication({ receivedOn: '2026-09-25', departmentId: 'housing' })));
  expect([own.departmentId, picked.departmentId]).toEqual(['office', 'housing']);
  expect((await queueIds(HOUSING)).items).toEqual([picked.id]);
});

test('reassigning: a handler of the department or an admin hands it on, with an event and an audit entry; the new department takes over', async () => {
  const r = await registered();
  const moved = ok(await as('demo-clerk', 'assignDepartment', { id: r.id, version: r.version, departmentId: 'housing' }));
  expect(moved).toMatchObject({ departmentId: 'housing', version: r.version + 1, status: 'registered' });
  expect(moved.timeline.at(-1)).toMatchObject({ kind: 'departmentAssigned', label: '转交承办部门', detail: '转交住房保障科办理', actorName: '李华' });
  const events = (await cloud.store.collection('events').find({ where: { subjectId: r.id }, orderBy: [['at', 'asc']], limit: 100 })).items;
  expect(events.at(-1)).toMatchObject({ action: 'departmentAssigned', actor: 'demo-clerk', detail: '转交住房保障科办理' });
  const audit = (await cloud.store.collection('audit').find({ where: { recordId: r.id }, orderBy: [['at', 'desc']], limit: 10 })).items;
  expect(audit[0]).toMatchObject({ action: 'requests.assignDepartment', actor: 'demo-clerk', fields: expect.arrayContaining(['departmentId']) });

  // The old department no longer sees it; the new one does.
  expect(await as('demo-clerk', 'manageGet', { id: r.id })).toMatchObject({ ok: false, code: 'REQUEST_NOT_FOUND' });
  expect((await queueIds(HOUSING)).items).toContain(r.id);
  // A stale page is refused; handing it to the department it is in is no change.
  expect(await as(HOUSING, 'assignDepartment', { id: r.id, version: r.version, departmentId: 'office' })).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
  expect(await as(HOUSING, 'assignDepartment', { id: r.id, version: moved.version, departmentId: 'housing' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  // The admin may move any request, and the applicant's own page says who handles it now without naming anyone.
  const back = ok(await as('demo-admin', 'assignDepartment', { id: r.id, version: moved.version, departmentId: 'office' }));
  expect(back.departmentId).toBe('office');
  const mine = ok(await cloud.call('resident-a', 'requests', { action: 'get', data: { id: r.id } }));
  expect(mine.timeline.filter((t: { kind: string }) => t.kind === 'departmentAssigned').map((t: { detail: string; actorName: null }) => [t.detail, t.actorName])).toEqual([
    ['转交住房保障科办理', null],
    ['转交局办公室办理', null],
  ]);
});

test('an application nobody registered is everyone\'s: each handler sees it at the head of the queue and may register it; it cannot be handed on before', async () => {
  const r = await submitted();
  for (const who of ['demo-clerk', HOUSING, NOWHERE, 'demo-admin']) {
    expect((await queueIds(who)).waiting).toContain(r.id);
    expect(ok(await as(who, 'manageGet', { id: r.id })).departmentId).toBeNull();
  }
  expect(await as('demo-clerk', 'assignDepartment', { id: r.id, version: r.version, departmentId: 'housing' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  const done = ok(await as(HOUSING, 'register', { id: r.id, version: r.version }));
  expect(done.departmentId).toBe('housing');
  expect((await queueIds(NOWHERE)).waiting).not.toContain(r.id);
});

test('a handler with no department sees the waiting applications only; what they register goes to the bureau\'s default department', async () => {
  await registered();
  expect((await queueIds(NOWHERE)).items).toEqual([]);
  expect(ok(await as(NOWHERE, 'queue', { status: 'registered' })).items).toEqual([]);
  const first = await submitted();
  expect(ok(await as(NOWHERE, 'register', { id: first.id, version: first.version })).departmentId).toBe('office'); // the bureau's first department
  await cloud.store.collection('meta').insert({ id: 'request-settings', defaultDepartmentId: 'approval' });
  const second = await submitted();
  expect(ok(await as(NOWHERE, 'register', { id: second.id, version: second.version })).departmentId).toBe('approval');
  expect(await as(NOWHERE, 'manageGet', { id: second.id })).toMatchObject({ ok: false, code: 'REQUEST_NOT_FOUND' });
});

test('the queue filters by department: an admin any, a handler only their own (another\'s lists nothing)', async () => {
  const office = await registered();
  const housing = await registered('demo-clerk', 'housing');
  expect((await queueIds('demo-admin', { departmentId: 'housing' })).items).toEqual([housing.id]);
  expect((await queueIds('demo-admin', { departmentId: 'office' })).items).toContain(office.id);
  expect((await queueIds('demo-admin', { departmentId: 'office' })).items).not.toContain(housing.id);
  expect((await queueIds('demo-clerk', { departmentId: 'housing' })).items).toEqual([]);
  expect((await queueIds(HOUSING, { departmentId: 'housing' })).items).toEqual([housing.id]);
});

test('deadline reminders follow the department: after a handover the new department\'s handlers hear, not the clerk who registered it', async () => {
  const r = await registered();
  ok(await as('demo-clerk', 'assignDepartment', { id: r.id, version: r.version, departmentId: 'housing' }));
  // 20 working days later the request is due soon.
  cloud.clock.now = new Date('2026-10-27T02:00:00Z');
  await remindStaffOfDeadlines(cloud.store, cloud.clock.now, [requestDeadlines]);
  const rows = (await cloud.store.collection('outbox').find({ where: { subjectId: r.id }, orderBy: [['createdAt', 'asc']], limit: 20 })).items;
  const told = rows.map((o) => (o.audience.type === 'person' ? o.audience.openid : null)).sort();
  expect(told).toEqual(['demo-admin', HOUSING].sort());
});

test('requests stored before departments: only admins see them, under 未分配部门 and in a warning, until one is given; then that department\'s handlers have them', async () => {
  const open = await registered();
  const answered = ok(await as('demo-clerk', 'reply', { id: open.id, version: open.version, category: 'disclosed', text: '予以公开。' }));
  const stillOpen = await registered();
  // As they were stored before requests had departments: no departmentId at all.
  for (const r of [answered, stillOpen]) {
    const stored = (await cloud.store.collection('requests').get(r.id))!;
    await cloud.store.collection('requests').update(r.id, stored.version, { departmentId: undefined });
  }
  const adminBefore = ok(await as('demo-admin', 'queue', { limit: 50 }));
  expect(adminBefore.warnings).toEqual([expect.stringContaining('有 2 件已受理的申请未分配承办部门')]);
  expect(ok(await as('demo-clerk', 'queue', { limit: 50 })).warnings.join('')).not.toContain('未分配');
  expect((await queueIds('demo-clerk')).items).not.toContain(stillOpen.id);

  // The admin's 未分配部门: the open one by default, the answered one under its status; no waiting applications at its head.
  const unassigned = await queueIds('demo-admin', { unassigned: true });
  expect(unassigned).toEqual({ items: [stillOpen.id], waiting: [] });
  expect((await queueIds('demo-admin', { unassigned: true, status: 'replied' })).items).toEqual([answered.id]);
  // Anyone else lists none of them, not even their count.
  expect(await queueIds('demo-clerk', { unassigned: true })).toEqual({ items: [], waiting: [] });
  expect(await as('demo-admin', 'queue', { unassigned: true, departmentId: 'office' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { unassigned: expect.any(String) } });

  // Handed on one by one (the page does it for every row listed): gone from 未分配部门, there for the department.
  for (const r of [stillOpen, answered]) {
    const current = (await cloud.store.collection('requests').get(r.id))!;
    ok(await as('demo-admin', 'assignDepartment', { id: r.id, version: current.version, departmentId: 'housing' }));
  }
  expect((await queueIds('demo-admin', { unassigned: true })).items).toEqual([]);
  expect(ok(await as('demo-admin', 'queue', { limit: 50 })).warnings.join('')).not.toContain('未分配');
  expect((await queueIds(HOUSING)).items).toContain(stillOpen.id);
  expect(ok(await as(HOUSING, 'manageGet', { id: answered.id })).status).toBe('replied');
});
