import { httpStatusOf } from '../../shared/api/errors';
import { INVITE_CODE_PATTERN } from '../../shared/staff/staff-admin';
import { maskOpenid } from '../../shared/privacy/masking';
import type { AnyCollections, Store } from '../../cloudfunctions/_runtime/store/port';
import { staffFunction } from '../../cloudfunctions/staff/staff-function';
import { createCloudHarness, harnessImage, ok, type CloudHarness, type HarnessImage } from '../support/cloud-harness';

/** 人员管理 over the real SQLite store: invitations, roles, removal, and the rule that an admin always remains. */
let image: HarnessImage;
let cloud: CloudHarness;

beforeAll(async () => {
  const seeded = await createCloudHarness();
  image = await harnessImage(seeded);
  seeded.close();
});
beforeEach(async () => {
  cloud = await createCloudHarness({ image });
});
afterEach(() => cloud.close());

const staffCall = (openid: string | null, action: string, data: unknown) => cloud.call(openid, 'staff', { action, data });
const invite = async (data: object = { roles: ['handler'], departmentIds: ['office'], name: '周静' }) => ok(await staffCall('demo-admin', 'invite', data));
const join = async (openid: string, data?: object) => ok(await staffCall(openid, 'accept', { code: (await invite(data)).code }));
const memberOf = async (openid: string) => (ok(await staffCall('demo-admin', 'list', {})) as any[]).find((m) => m.openid === openid);
const eventsAbout = async (subjectId: string) =>
  (await cloud.store.collection('events').find({ where: { subjectId }, orderBy: [['at', 'asc']], limit: 50 })).items;
const everything = () => cloud.store.withConnection((db) => JSON.stringify(db.serialize().toString('latin1')));

describe('invitations', () => {
  test('a code of 12 unambiguous characters, valid 72 hours, stored only as a hash, with an event', async () => {
    const { code, expiresAt } = await invite();
    expect(code).toMatch(INVITE_CODE_PATTERN);
    expect(Date.parse(expiresAt) - cloud.clock.now.getTime()).toBe(72 * 3_600_000);
    const stored = (await cloud.store.collection('staffInvites').find({ orderBy: [['createdAt', 'asc']], limit: 10 })).items;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ name: '周静', roles: ['handler'], departmentIds: ['office'], invitedBy: 'demo-admin', usedBy: null });
    expect(stored[0].id).not.toContain(code);
    expect(await everything()).not.toContain(code);
    expect(await eventsAbout(stored[0].id)).toEqual([expect.objectContaining({ subjectType: 'staffInvite', action: 'staffInvited', actor: 'demo-admin' })]);
  });

  test('with a QR of the join link (local cloud: the H5 page with the code filled in)', async () => {
    const { code, link, qr } = await invite({ roles: ['viewer'], departmentIds: [], name: '周静', origin: 'http://127.0.0.1:9999' });
    expect(link).toBe(`http://127.0.0.1:9999/#/admin/pages/staff-join/index?code=${code}`);
    expect(qr).toMatch(/^data:image\/png;base64,/);
  });

  test('on CloudBase a mini-program code with scene j=<code>; when WeChat refuses, the code comes without a picture', async () => {
    const asked: unknown[] = [];
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const ctx = (answer: unknown) => ({
      caller: { openid: 'demo-admin', staff: { name: '张敏', roles: ['admin'], departmentIds: [], departmentId: null } },
      store: cloud.store, now: () => cloud.clock.now, log: { info: () => undefined, error: () => undefined }, platform: 'cloudbase',
      wxOpenApi: {
        call: async () => ({}),
        picture: async (api: string, data: unknown) => {
          asked.push([api, data]);
          if (answer instanceof Uint8Array) return answer;
          throw new Error(`WeChat refused: ${JSON.stringify(answer)}`);
        },
      },
    }) as never;
    const input = { roles: ['handler'], departmentIds: [], name: '周静' } as never;
    const issued = await staffFunction.handlers.invite(input, ctx(png));
    expect(issued.qr).toBe(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
    expect(issued.link).toBe(`/admin/pages/staff-join/index?code=${issued.code}`);
    expect(asked).toEqual([['wxacode.getUnlimited', expect.objectContaining({ scene: `j=${issued.code}`, page: 'admin/pages/staff-join/index' })]]);
    const refused = await staffFunction.handlers.invite(input, ctx({ errcode: 41030, errmsg: 'invalid page' }));
    expect(refused.qr).toBeNull();
    expect(refused.code).toMatch(INVITE_CODE_PATTERN);
  });

  test("the bureau's setting decides how long a code lasts", async () => {
    await cloud.store.collection('meta').insert({ id: 'staff-settings', inviteHours: 24 });
    const { expiresAt } = await invite();
    expect(Date.parse(expiresAt) - cloud.clock.now.getTime()).toBe(24 * 3_600_000);
  });

  test('an unknown department is refused on its field, and nothing is stored', async () => {
    const answer = await staffCall('demo-admin', 'invite', { roles: ['handler'], departmentIds: ['office', 'no-such-dept'], name: '周静' });
    expect(answer).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { departmentIds: expect.stringContaining('no-such-dept') } });
    expect(await cloud.store.collection('staffInvites').count()).toBe(0);
  });
});

describe('accepting', () => {
  test('the invited person becomes staff with its roles and departments, on their very next call', async () => {
    expect(await cloud.call('new-clerk', 'requests', { action: 'queue', data: {} })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const { code } = await invite({ roles: ['handler', 'viewer'], departmentIds: ['office', 'approval'], name: '周静' });
    expect(ok(await staffCall('new-clerk', 'accept', { code: code.toLowerCase().replace(/(.{4})/g, '$1 ') }))).toEqual({
      name: '周静', roles: ['handler', 'viewer'], departmentIds: ['office', 'approval'],
    });
    expect(ok(await cloud.call('new-clerk', 'requests', { action: 'queue', data: {} }))).toBeDefined();
    expect(ok(await cloud.call('new-clerk', 'session', { action: 'whoami', data: {} }))).toMatchObject({ isStaff: true, staff: { roles: ['handler', 'viewer'], departmentId: 'office' } });
    expect(await eventsAbout('new-clerk')).toEqual([expect.objectContaining({ subjectType: 'staff', action: 'staffJoined', actor: 'new-clerk' })]);
  });

  test('a code works once: a second person gets INVITE_INVALID (404) and stays a resident', async () => {
    const { code } = await invite();
    ok(await staffCall('first', 'accept', { code }));
    const second = await staffCall('second', 'accept', { code });
    expect(second).toMatchObject({ ok: false, code: 'INVITE_INVALID' });
    expect(httpStatusOf('INVITE_INVALID')).toBe(404);
    expect(await cloud.store.collection('staff').get('second')).toBeNull();
  });

  test('an unknown code and an expired one are the same INVITE_INVALID', async () => {
    expect(await staffCall('someone', 'accept', { code: 'ABCDEFGHJKMN' })).toMatchObject({ ok: false, code: 'INVITE_INVALID' });
    const { code } = await invite();
    cloud.clock.now = new Date(cloud.clock.now.getTime() + 72 * 3_600_000);
    expect(await staffCall('someone', 'accept', { code })).toMatchObject({ ok: false, code: 'INVITE_INVALID' });
    expect(await cloud.store.collection('staff').get('someone')).toBeNull();
  });

  test('someone already on the staff cannot accept (their roles stay), and the code stays open for the person it was meant for', async () => {
    const { code } = await invite();
    expect(await staffCall('demo-admin', 'accept', { code })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect((await memberOf('demo-admin')).roles).toEqual(['admin', 'reviewer']);
    ok(await staffCall('meant-for', 'accept', { code }));
  });

  test('a removed person may rejoin with a new invitation, on the record they had', async () => {
    await join('comes-back');
    const member = await memberOf('comes-back');
    ok(await staffCall('demo-admin', 'remove', { openid: 'comes-back', version: member.version }));
    await join('comes-back', { roles: ['publisher'], departmentIds: ['policy'], name: '周静' });
    expect(await memberOf('comes-back')).toMatchObject({ roles: ['publisher'], departmentIds: ['policy'], active: true, version: member.version + 2 });
  });
});

describe('changing roles and removing', () => {
  test('new roles take effect on the next call, against the version seen, with an event', async () => {
    await join('clerk-x');
    const member = await memberOf('clerk-x');
    const changed = ok(await staffCall('demo-admin', 'setRoles', { openid: 'clerk-x', roles: ['publisher'], departmentIds: ['policy'], version: member.version }));
    expect(changed).toMatchObject({ roles: ['publisher'], departmentIds: ['policy'], version: member.version + 1 });
    expect(await cloud.call('clerk-x', 'requests', { action: 'queue', data: {} })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.call('clerk-x', 'notices', { action: 'manageList', data: {} })).toMatchObject({ ok: true });
    const stale = await staffCall('demo-admin', 'setRoles', { openid: 'clerk-x', roles: ['handler'], departmentIds: [], version: member.version });
    expect(stale).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
    expect((await eventsAbout('clerk-x')).map((e) => e.action)).toEqual(['staffJoined', 'staffRolesChanged']);
  });

  test("a removed clerk's next call is refused; the record stays, inactive", async () => {
    await join('leaver');
    ok(await cloud.call('leaver', 'requests', { action: 'queue', data: {} }));
    const member = await memberOf('leaver');
    expect(ok(await staffCall('demo-admin', 'remove', { openid: 'leaver', version: member.version }))).toMatchObject({ active: false });
    expect(await cloud.call('leaver', 'requests', { action: 'queue', data: {} })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await cloud.store.collection('staff').get('leaver')).toMatchObject({ name: '周静', active: false });
    expect((await eventsAbout('leaver')).map((e) => e.action)).toEqual(['staffJoined', 'staffRemoved']);
    // Removed is removed: changing their roles asks for a new invitation instead.
    const again = await staffCall('demo-admin', 'setRoles', { openid: 'leaver', roles: ['handler'], departmentIds: [], version: member.version + 1 });
    expect(again).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('an unknown person is STAFF_NOT_FOUND', async () => {
    expect(await staffCall('demo-admin', 'remove', { openid: 'nobody', version: 1 })).toMatchObject({ ok: false, code: 'STAFF_NOT_FOUND' });
  });

  test('the last active admin can be neither removed nor demoted (LAST_ADMIN, 409); with a second admin both are allowed', async () => {
    const me = await memberOf('demo-admin');
    expect(await staffCall('demo-admin', 'remove', { openid: 'demo-admin', version: me.version })).toMatchObject({ ok: false, code: 'LAST_ADMIN' });
    expect(await staffCall('demo-admin', 'setRoles', { openid: 'demo-admin', roles: ['handler'], departmentIds: ['office'], version: me.version })).toMatchObject({ ok: false, code: 'LAST_ADMIN' });
    expect(httpStatusOf('LAST_ADMIN')).toBe(409);
    // An inactive admin record does not count as a remaining admin.
    await cloud.store.collection('staff').insert({ id: 'old-admin', name: '离任', roles: ['admin'], departmentId: 'office', active: false });
    expect(await staffCall('demo-admin', 'remove', { openid: 'demo-admin', version: me.version })).toMatchObject({ ok: false, code: 'LAST_ADMIN' });

    await join('second-admin', { roles: ['admin'], departmentIds: [], name: '副主任' });
    ok(await staffCall('demo-admin', 'setRoles', { openid: 'demo-admin', roles: ['admin', 'handler'], departmentIds: ['office'], version: me.version }));
    const demoted = ok(await staffCall('demo-admin', 'setRoles', { openid: 'demo-admin', roles: ['handler'], departmentIds: ['office'], version: me.version + 1 }));
    expect(demoted.roles).toEqual(['handler']);
    // demo-admin is no admin now: the list is closed to them, and second-admin is the last one.
    expect(await staffCall('demo-admin', 'list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const second = (ok(await staffCall('second-admin', 'list', {})) as any[]).find((m) => m.openid === 'second-admin');
    expect(await staffCall('second-admin', 'remove', { openid: 'second-admin', version: second.version })).toMatchObject({ ok: false, code: 'LAST_ADMIN' });
  });
});

describe('the last admin under a race', () => {
  const activeAdmins = async () =>
    (await cloud.store.collection('staff').find({ orderBy: [['name', 'asc']], limit: 50 })).items.filter((r) => r.active && r.roles.includes('admin')).map((r) => r.id);

  test.each([
    ['remove each other', (other: string, version: number) => ['remove', { openid: other, version }] as const],
    ['demote each other', (other: string, version: number) => ['setRoles', { openid: other, roles: ['handler'], departmentIds: ['office'], version }] as const],
  ])('two admins who %s at the same moment: one succeeds, the other is LAST_ADMIN, and an admin remains', async (_how, step) => {
    await join('second-admin', { roles: ['admin'], departmentIds: [], name: '副主任' });
    for (let round = 0; round < 5; round += 1) {
      // Each round starts from two active admins again.
      const first = (await cloud.store.collection('staff').get('demo-admin'))!;
      const second = (await cloud.store.collection('staff').get('second-admin'))!;
      if (!first.active || !first.roles.includes('admin')) await cloud.store.collection('staff').update('demo-admin', first.version, { active: true, roles: ['admin'] });
      if (!second.active || !second.roles.includes('admin')) await cloud.store.collection('staff').update('second-admin', second.version, { active: true, roles: ['admin'] });
      const [a, b] = [(await cloud.store.collection('staff').get('demo-admin'))!, (await cloud.store.collection('staff').get('second-admin'))!];
      const answers = await Promise.all([
        staffCall('demo-admin', ...(step('second-admin', b.version) as [string, unknown])),
        staffCall('second-admin', ...(step('demo-admin', a.version) as [string, unknown])),
      ]);
      expect(answers.filter((x) => x.ok)).toHaveLength(1);
      expect(answers.find((x) => !x.ok)).toMatchObject({ ok: false, code: expect.stringMatching(/^(LAST_ADMIN|VERSION_CONFLICT)$/) });
      expect(await activeAdmins()).toHaveLength(1);
    }
  });

  test('taking an admin away rewrites the guard document in the same transaction (what makes two overlapping ones conflict where transactions overlap)', async () => {
    await join('second-admin', { roles: ['admin'], departmentIds: [], name: '副主任' });
    expect(await cloud.store.collection('meta').get('admin-guard')).toBeNull();
    const second = (await cloud.store.collection('staff').get('second-admin'))!;
    ok(await staffCall('demo-admin', 'setRoles', { openid: 'second-admin', roles: ['admin', 'viewer'], departmentIds: [], version: second.version }));
    expect(await cloud.store.collection('meta').get('admin-guard')).toBeNull(); // still an admin: nothing to guard
    ok(await staffCall('demo-admin', 'remove', { openid: 'second-admin', version: second.version + 1 }));
    expect(await cloud.store.collection('meta').get('admin-guard')).toMatchObject({ version: 1 });
  });
});

describe('the list', () => {
  test('everyone with roles, departments (old single-department records too), standing and version; OPENIDs masked for display', async () => {
    await (cloud.store as unknown as Store<AnyCollections>).collection('staff').insert({ id: 'console-typed', name: '手工录入', roles: ['publisher'], departmentId: 'policy', active: true });
    const list = ok(await staffCall('demo-admin', 'list', {})) as any[];
    expect(list.map((m) => m.openid).sort()).toEqual(['console-typed', 'demo-admin', 'demo-clerk', 'demo-editor', 'demo-rater', 'demo-reviewer', 'demo-viewer']);
    expect(list.find((m) => m.openid === 'console-typed')).toEqual({
      openid: 'console-typed', maskedOpenid: 'con***ed', name: '手工录入', roles: ['publisher'], departmentIds: ['policy'], active: true, version: 1, self: false,
    });
    expect(list.find((m) => m.openid === 'demo-admin')).toMatchObject({ self: true, maskedOpenid: maskOpenid('demo-admin') });
    for (const member of list) expect(member.maskedOpenid).not.toBe(member.openid);
  });

  test('a WeChat-length OPENID shows 5 of its 28 characters', () => {
    expect(maskOpenid('oWxAb1234567890abcdefghijk9a')).toBe('oWx***9a');
  });
});

describe('统计查看人员 (viewer)', () => {
  test('reads statistics and the ranking; handles, publishes and follows up nothing', async () => {
    await join('viewer-1', { roles: ['viewer'], departmentIds: [], name: '督查' });
    expect(await cloud.call('viewer-1', 'ratings', { action: 'ranking', data: { month: '2026-11' } })).toMatchObject({ ok: true });
    expect(await cloud.call('viewer-1', 'ratings', { action: 'stats', data: {} })).toMatchObject({ ok: true });
    for (const [fn, action] of [['requests', 'queue'], ['notices', 'manageList'], ['ratings', 'followUps'], ['staff', 'list'], ['windows', 'manageList']]) {
      expect(await cloud.call('viewer-1', fn, { action, data: {} })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });
});
