import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { CloudbaseStore } from '../../cloudfunctions/_runtime/store/cloudbase-store';
import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { beijingToday } from '../../shared/time/beijing-time';
import { DEMO_DEPARTMENTS } from '../../server/demo-data';
import { CloudbaseDbStandin, sdkDatabaseAt } from '../support/cloudbase-db-standin';
import { announcement } from '../support/factories';
import { application } from '../support/request-factories';

/**
 * The bundles as CloudBase runs them: the `main` each dist/cloudfunctions/<name>/index.js exports (built by
 * `npm test` first), with the @cloudbase/node-sdk it carries beside it (cloudbase-sdk.js), talking to the local stand-in of
 * CloudBase's database API (test/support/cloudbase-db-standin.ts; where it differs from the real service is
 * written there). Nothing here is handed to the entry: the bundle initialises the SDK itself, as on
 * CloudBase, and finds the service the way a deployed function does — the platform's variables
 * (TCB_CONTEXT_CNFG's URL, the environment's namespace, the function's credentials), set here to the
 * stand-in. So what is tested is the built code: the minified router, the lazy modules loaded beside
 * index.js, the calendar table put in chinese-days' place, and the SDK's serialisation of each query.
 */
const DIST = 'dist/cloudfunctions';
const built = existsSync(join(DIST, 'requests', 'index.js'));
if (!built) console.warn('dist/cloudfunctions is missing: run `npm run build:functions` (npm test does this first).');

type Main = (event: unknown, context: unknown) => Promise<{ ok: boolean; code?: string; data?: any }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mainOf = (name: string): Main => require(resolve(DIST, name, 'index.js')).main;

/** What SCF passes as `context`: the caller's WeChat identity travels in `environment`. */
const as = (openid: string) => ({ request_id: 'standin-call', function_name: 'test', environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: openid, WX_APPID: 'wx-standin' }) });

const RESIDENT = 'cb-resident';
const NEIGHBOUR = 'cb-neighbour';
const ADMIN = 'cb-admin';

const standin = new CloudbaseDbStandin();
const PLATFORM_VARIABLES = ['TENCENTCLOUD', 'SCF_NAMESPACE', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'TCB_CONTEXT_CNFG', 'SILENCE'] as const;
const saved = Object.fromEntries(PLATFORM_VARIABLES.map((k) => [k, process.env[k]]));

(built ? describe : describe.skip)('the built bundles over the real SDK and the CloudBase stand-in', () => {
  beforeAll(async () => {
    const serviceUrl = await standin.start();
    // What SCF sets for a function: the SDK takes the service address from TCB_CONTEXT_CNFG, the environment
    // from SCF_NAMESPACE and the credentials from the function's variables; TENCENTCLOUD stops it asking
    // Tencent Cloud's metadata service; SILENCE stops it printing every database call.
    Object.assign(process.env, {
      TENCENTCLOUD: 'true',
      SCF_NAMESPACE: 'standin-env',
      TENCENTCLOUD_SECRETID: 'standin',
      TENCENTCLOUD_SECRETKEY: 'standin',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: serviceUrl }),
      SILENCE: 'true',
    });
    // As the deploy leaves an environment: every collection created, the first admin added by hand.
    for (const name of Object.keys(COLLECTIONS)) await standin.answer({ action: 'database.addCollection', collectionName: name });
    const store = new CloudbaseStore(sdkDatabaseAt(serviceUrl));
    await store.collection('staff').insert({ id: ADMIN, name: '张敏', roles: ['admin'], departmentIds: ['office'], departmentId: 'office', active: true } as never);
    for (const department of DEMO_DEPARTMENTS) await store.collection('departments').insert(department);
    // The requests function wakes `deliveries` after a change; the stand-in does not run functions, and says so in the log.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });

  afterAll(async () => {
    await standin.stop();
    for (const k of PLATFORM_VARIABLES) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  test('requests: a resident submits and reads back their request; a neighbour cannot, a staff action is refused to them; the admin registers it', async () => {
    const requests = mainOf('requests');
    const submitted = await requests({ action: 'submit', data: application() }, as(RESIDENT));
    expect(submitted).toMatchObject({ ok: true, data: { status: 'submitted', trackingNumber: expect.any(String) } });
    const { id, version } = submitted.data;
    expect(standin.actions).toEqual(expect.arrayContaining(['database.startTransaction', 'database.commitTransaction']));

    expect(await requests({ action: 'get', data: { id } }, as(RESIDENT))).toMatchObject({ ok: true, data: { id, status: 'submitted' } });
    expect(await requests({ action: 'mine', data: {} }, as(RESIDENT))).toMatchObject({ ok: true, data: { items: [expect.objectContaining({ id })] } });
    expect(await requests({ action: 'get', data: { id } }, as(NEIGHBOUR))).toMatchObject({ ok: false, code: 'REQUEST_NOT_FOUND' });
    expect(await requests({ action: 'mine', data: {} }, as(NEIGHBOUR))).toMatchObject({ ok: true, data: { items: [] } });

    // The staff actions' module is not even loaded for a resident: the contract's access rule refuses first.
    expect(await requests({ action: 'queue', data: {} }, as(RESIDENT))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await requests({ action: 'register', data: { id, version, receivedOn: '2026-11-24' } }, as(RESIDENT))).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const queue = await requests({ action: 'queue', data: {} }, as(ADMIN));
    expect(queue).toMatchObject({ ok: true, data: { awaitingRegistrationTotal: 1 } });
    expect(queue.data.awaitingRegistration.map((a: { id: string }) => a.id)).toEqual([id]);
    const registered = await requests({ action: 'register', data: { id, version, receivedOn: beijingToday(new Date()) } }, as(ADMIN));
    expect(registered).toMatchObject({ ok: true, data: { id, status: 'registered' } });
    expect(await requests({ action: 'get', data: { id } }, as(RESIDENT))).toMatchObject({ ok: true, data: { status: 'registered' } });
  });

  test('notices: staff save a draft; a resident may not, and does not see it listed', async () => {
    const notices = mainOf('notices');
    expect(await notices({ action: 'save', data: { notice: announcement() } }, as(RESIDENT))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const draft = await notices({ action: 'save', data: { notice: announcement({ title: '关于停水的通知' }) } }, as(ADMIN));
    expect(draft).toMatchObject({ ok: true, data: { status: 'draft', title: '关于停水的通知' } });
    expect(await notices({ action: 'manageList', data: {} }, as(ADMIN))).toMatchObject({ ok: true, data: { items: [expect.objectContaining({ id: draft.data.id })] } });
    expect(await notices({ action: 'list', data: {} }, as(RESIDENT))).toMatchObject({ ok: true, data: { items: [] } });
    expect(await notices({ action: 'manageList', data: {} }, as(RESIDENT))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test("calendar: the bundle's built-in years are chinese-days' (a table in the bundle), and the bureau's edits apply over them", async () => {
    const calendar = mainOf('calendar');
    for (const year of [2026, 2030]) {
      const official = builtinArrangement(year)!;
      expect(await calendar({ action: 'days', data: { year } }, as(RESIDENT))).toMatchObject({
        ok: true,
        data: { year, covered: official.covered, source: official.source, holidays: official.holidays, workdays: official.workdays },
      });
    }
    // 20 working days from 2026-09-28 run past 国庆 into late October: a day off the bureau adds on a Friday in between moves the due date.
    const asked = { action: 'dueDate', data: { receivedOn: '2026-09-28' } };
    const before = await calendar(asked, as(RESIDENT));
    expect(before).toMatchObject({ ok: true, data: { dueOn: expect.any(String) } });

    expect(await calendar({ action: 'setDay', data: { date: '2026-10-16', kind: 'holiday', name: '临时放假' } }, as(RESIDENT))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await calendar({ action: 'setDay', data: { date: '2026-10-16', kind: 'holiday', name: '临时放假' } }, as(ADMIN))).toMatchObject({ ok: true });
    const edited = await calendar({ action: 'days', data: { year: 2026 } }, as(RESIDENT));
    expect(edited).toMatchObject({ ok: true, data: { source: 'bureau', holidays: expect.arrayContaining([{ date: '2026-10-16', name: '临时放假' }]) } });
    // The official days stay, with the bureau's one added.
    for (const day of builtinArrangement(2026)!.holidays) expect(edited.data.holidays).toContainEqual(day);
    const after = await calendar(asked, as(RESIDENT));
    expect(after.data.holidaysSkipped).toContain('临时放假（10月16日，共 1 天）');
    expect(after.data.dueOn > before.data.dueOn).toBe(true);
  });
});
