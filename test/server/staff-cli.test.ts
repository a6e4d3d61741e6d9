import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { identifyCaller } from '../../cloudfunctions/_runtime/identify-caller';
import { invoke } from '../../cloudfunctions/_runtime/invoke';
import { CloudbaseStore } from '../../cloudfunctions/_runtime/store/cloudbase-store';
import type { Store } from '../../cloudfunctions/_runtime/store/port';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';
import { findFunction } from '../../cloudfunctions/registry';
import { CLI_ACTOR, runStaffCli, UsageError } from '../../server/staff-cli';
import { CloudbaseDbStandin, sdkDatabaseAt } from '../support/cloudbase-db-standin';

/** The first admin comes from the command line: `npm run staff -- add …` against the local cloud's data folder. */
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sg-staff-cli-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const OPENID = 'oWxAb1234567890abcdefghijk9a';
const npmStaff = (...args: string[]) =>
  execFileSync('npm', ['run', '-s', 'staff', '--', ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const callAs = async (store: Store, openid: string, fn: string, action: string, data: unknown = {}) =>
  invoke(findFunction(fn)!, { action, data }, { caller: await identifyCaller(openid, store, silentLogger), store, now: () => new Date(), log: silentLogger, platform: 'local' } as never);

test('npm run staff -- add makes the first admin in DATA_DIR, says so, and that person may administer staff at once', () => {
  const out = npmStaff('add', OPENID, '--name', '张敏', '--roles', 'admin');
  expect(out).toContain(join(dataDir, 'sunshine.sqlite'));
  expect(out).toContain(`added staff ${OPENID}: 张敏, roles admin (管理员)`);
  expect(npmStaff('list')).toContain('oWx***9a\t张敏\tactive\tadmin');
  return (async () => {
    const store = new SqliteStore(join(dataDir, 'sunshine.sqlite'), COLLECTIONS);
    try {
      expect(await identifyCaller(OPENID, store, silentLogger)).toMatchObject({ staff: { name: '张敏', roles: ['admin'] } });
      expect(await callAs(store, OPENID, 'staff', 'list')).toMatchObject({ ok: true, data: [{ openid: OPENID, self: true }] });
      const events = (await store.collection('events').find({ where: { subjectId: OPENID }, orderBy: [['at', 'asc']], limit: 5 })).items;
      expect(events).toEqual([expect.objectContaining({ subjectType: 'staff', action: 'staffAdded', actor: CLI_ACTOR })]);
    } finally {
      store.close();
    }
  })();
});

test('a bad role is refused with the usage, and nothing is written', () => {
  expect(() => npmStaff('add', OPENID, '--name', '张敏', '--roles', 'superuser')).toThrow(/--roles must name one or more of admin/);
  expect(npmStaff('list')).toContain('no staff yet');
});

describe('runStaffCli, over either store', () => {
  const standins: CloudbaseDbStandin[] = [];
  afterAll(() => Promise.all(standins.map((s) => s.stop())));
  const stores: Array<[string, () => Store | Promise<Store>]> = [
    ['SQLite', () => new SqliteStore(':memory:', COLLECTIONS)],
    // The same command with --cloudbase goes to CloudBase's database through this adapter and the real SDK.
    [
      'CloudBase (the real SDK, a stand-in of its database API)',
      async () => {
        const standin = new CloudbaseDbStandin();
        standins.push(standin);
        return new CloudbaseStore(sdkDatabaseAt(await standin.start()));
      },
    ],
  ];

  test.each(stores)('%s: add, change, and the last-admin rule', async (_label, open) => {
    const store = await open();
    const now = () => new Date('2026-12-01T02:00:00Z');
    await store.collection('departments').insert({ id: 'office', name: '局办公室', order: 1 });
    expect(await runStaffCli(['add', 'first-admin', '--name', '张敏', '--roles', 'admin,viewer', '--departments', 'office'], store, now)).toEqual([
      'added staff first-admin: 张敏, roles admin (管理员), viewer (统计查看人员), departments office (record version 1)',
    ]);
    expect(await store.collection('staff').get('first-admin')).toMatchObject({ roles: ['admin', 'viewer'], departmentIds: ['office'], departmentId: 'office', active: true, updatedBy: CLI_ACTOR });
    // Demoting the only admin from the command line is refused like in the app.
    await expect(runStaffCli(['add', 'first-admin', '--name', '张敏', '--roles', 'handler'], store, now)).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    await expect(runStaffCli(['add', 'x', '--name', '李华', '--roles', 'handler', '--departments', 'nowhere'], store, now)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(runStaffCli(['add', 'x', '--roles', 'handler'], store, now)).rejects.toBeInstanceOf(UsageError);
    // A name that would display reversed (bidirectional controls) is refused like in the app.
    await expect(runStaffCli(['add', 'x', '--name', '李\u202e华', '--roles', 'handler'], store, now)).rejects.toThrow(/bidirectional control/);
    await expect(runStaffCli(['delete', 'x'], store, now)).rejects.toBeInstanceOf(UsageError);
    expect(await runStaffCli(['add', 'second', '--name', '李华', '--roles', 'admin'], store, now)).toHaveLength(1);
    expect(await runStaffCli(['add', 'first-admin', '--name', '张敏', '--roles', 'handler'], store, now)).toEqual([
      'updated staff first-admin: 张敏, roles handler (申请办理人员), departments (none) (record version 2)',
    ]);
    // Sorted by name (code point order: 张 before 李); OPENIDs masked.
    expect(await runStaffCli(['list'], store, now)).toEqual(['fir***in\t张敏\tactive\thandler\t-', 's***\t李华\tactive\tadmin\t-']);
  });
});
