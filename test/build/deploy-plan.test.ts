import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { JOBS } from '../../cloudfunctions/_jobs/registry';
import { COLLECTIONS } from '../../cloudfunctions/_runtime/collections';
import { SqliteStore } from '../../cloudfunctions/_runtime/store/sqlite-store';
import { applyDeployment } from '../../server/deploy/apply-deployment';
import { CODE_HASH_VARIABLE, FEEDS_URL_PLACEHOLDER, feedsUrlOf, planDeployment, type DeployPlan } from '../../server/deploy/deploy-plan';
import { cloudbasercOf } from '../../server/deploy/cloudbaserc';
import { DeployUsageError, main, parseDeployArgs } from '../../server/deploy-cli';
import { MemoryCloudbaseEnv } from '../support/memory-cloudbase-env';

/**
 * `npm run deploy`: its dry-run plan against what the code declares, found here independently of the plan
 * (function folders on disk, their config.json, the indexes the SQLite adapter actually creates, the jobs
 * registry), so a function, collection, index or job the deploy did not know about fails this suite; and
 * the deploy carried out over an environment in memory, twice, the second run changing nothing.
 */
const ROOT = join(__dirname, '../..');
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TCB_'))) as NodeJS.ProcessEnv;

/** The command in-process, its printed lines collected. */
async function deployPrinting(argv: string[]): Promise<string> {
  const printed: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void printed.push(parts.join(' ')));
  try {
    await main(argv, ROOT);
  } finally {
    log.mockRestore();
  }
  return printed.join('\n');
}
const dryRun = (extra: string[] = []) => deployPrinting(['--env', 'prod-test1', '--dry-run', ...extra]);

let plan: DeployPlan;
let text: string;
beforeAll(async () => {
  // Once as a person runs it (`npm run deploy -- --env … --dry-run --json`), with no credentials in sight.
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
  expect(scripts.deploy).toBe('tsx server/deploy-cli.ts');
  const json = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['server/deploy-cli.ts', '--env', 'prod-test1', '--dry-run', '--json'], { cwd: ROOT, env: cleanEnv, encoding: 'utf8' });
  expect({ status: json.status, stderr: json.stderr }).toEqual({ status: 0, stderr: '' });
  plan = JSON.parse(json.stdout) as DeployPlan;
  text = await dryRun();
}, 60_000);

/** What build-functions bundles: each folder of cloudfunctions/ with an index.ts. */
const functionFolders = () =>
  readdirSync(join(ROOT, 'cloudfunctions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(ROOT, 'cloudfunctions', d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();

test('the dry run needs no credentials and says it changed nothing', () => {
  expect(text).toContain('CloudBase 环境 prod-test1');
  expect(text).toContain('未连接 CloudBase，未做任何更改');
});

test('the plan deploys every function folder, each with the timeout, timer triggers and open-API permissions of its config.json', () => {
  expect(plan.functions.map((f) => f.name).sort()).toEqual(functionFolders());
  for (const fn of plan.functions) {
    const file = join(ROOT, 'cloudfunctions', fn.name, 'config.json');
    const config = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    expect({ name: fn.name, timeout: fn.timeout, triggers: fn.triggers, openapi: fn.openapi, installDependency: fn.installDependency }).toEqual({
      name: fn.name,
      timeout: config.timeout ?? 20,
      triggers: config.triggers ?? [],
      openapi: config.permissions?.openapi ?? [],
      installDependency: false,
    });
    expect(text).toContain(`函数 ${fn.name}:`);
    for (const api of fn.openapi) expect(text).toMatch(new RegExp(`函数 ${fn.name}:.*${api.replace('.', '\\.')}`));
  }
  expect(plan.functions.find((f) => f.name === 'feeds')?.httpPath).toBe('/feeds');
  expect(text).toContain('HTTP 访问路径 /feeds');
});

test('the plan creates every collection, admin-only, with exactly the indexes the SQLite adapter creates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-plan-'));
  try {
    new SqliteStore(join(dir, 'db.sqlite'), COLLECTIONS).close();
    const db = new Database(join(dir, 'db.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT tbl_name AS collection, name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").all() as Array<{ collection: string; name: string }>;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>;
    db.close();
    const collections = Object.keys(COLLECTIONS);
    expect(plan.collections.map((c) => c.name).sort()).toEqual([...collections].sort());
    for (const name of collections) expect(tables.map((t) => t.name)).toContain(name);
    const planned = plan.collections.flatMap((c) => c.indexes.map((i) => `${c.name}/${i.name}`)).sort();
    expect(planned).toEqual(rows.filter((r) => collections.includes(r.collection)).map((r) => `${r.collection}/${r.name}`).sort());
    for (const c of plan.collections) {
      expect(c.permission).toBe('ADMINONLY');
      expect(text).toContain(`集合 ${c.name}`);
      for (const i of c.indexes) {
        expect(text).toContain(`索引 ${i.name}:`);
        // CloudBase stores our `id` as `_id`: an index on `id` would index nothing.
        expect(i.fields.map((f) => f.field)).not.toContain('id');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the WeChat build links the feeds at the HTTP access domain, or the address given', async () => {
  // A dry run has no credentials to ask the environment for its domain, so it names where it comes from.
  expect(plan.builds).toContain(`CLOUDBASE_ENV=prod-test1 FEEDS_URL=${FEEDS_URL_PLACEHOLDER} npm run build:weapp`);
  const given = JSON.parse(await dryRun(['--json', '--feeds-url', 'https://gov.example.cn/feeds'])) as DeployPlan;
  expect(given.builds).toContain('CLOUDBASE_ENV=prod-test1 FEEDS_URL=https://gov.example.cn/feeds npm run build:weapp');
  expect(feedsUrlOf('prod-test1.service.tcloudbase.com')).toBe('https://prod-test1.service.tcloudbase.com/feeds');
  expect(feedsUrlOf('https://prod-test1.service.tcloudbase.com/')).toBe('https://prod-test1.service.tcloudbase.com/feeds');
});

test('every job of the registry is run by a timer trigger the plan creates', () => {
  expect(plan.jobs.map((j) => j.name)).toEqual(JOBS.map((j) => j.name));
  const runners = new Set(plan.jobs.map((j) => j.runBy));
  for (const runner of runners) expect(plan.functions.find((f) => f.name === runner)?.triggers.length).toBeGreaterThan(0);
  for (const job of JOBS) expect(text).toContain(`任务 ${job.name}:`);
});

test('the first admin and variables are planned as asked; bad arguments are refused', async () => {
  const withAdmin = JSON.parse(await dryRun(['--json', '--admin', 'oAbC_123', '--admin-name', '张敏', '--var', 'FEEDS_SITE_URL=https://gov.example.cn'])) as DeployPlan;
  expect(withAdmin.firstAdmin).toEqual({ openid: 'oAbC_123', name: '张敏' });
  expect(withAdmin.functions.every((f) => f.variables.FEEDS_SITE_URL === 'https://gov.example.cn')).toBe(true);
  expect(plan.firstAdmin).toBeNull();
  expect(text).toContain('npm run staff -- add <openid>');
  const refusedArgs = [
    [],
    ['--env', 'a/b'],
    ['--env', 'e', '--admin', 'x'],
    ['--env', 'e', '--admin', 'o bad', '--admin-name', 'x'],
    ['--env', 'e', '--var', 'lower=1'],
    ['--env', 'e', '--upload-key', 'k.pem'],
    ['--env', 'e', 'extra'],
    ['--env', 'e', '--feeds-url', 'http://gov.example.cn/feeds'],
    ['--env', 'e', '--feeds-url', 'gov.example.cn'],
  ];
  for (const argv of refusedArgs) expect(() => parseDeployArgs(argv)).toThrow(DeployUsageError);
  // Without credentials a real deploy refuses before building anything.
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (key.startsWith('TCB_')) delete process.env[key];
  try {
    await expect(main(['--env', 'prod-test1'], ROOT)).rejects.toThrow('TCB_SECRET_ID');
  } finally {
    process.env = saved;
  }
});

describe('carrying the plan out', () => {
  const built = (p: DeployPlan, hash: string): DeployPlan => ({ ...p, functions: p.functions.map((f) => ({ ...f, codeHash: `${hash}-${f.name}` })) });

  test('a first deploy creates everything; a second over the same build changes nothing; a rebuilt function alone is uploaded', async () => {
    const env = new MemoryCloudbaseEnv();
    const first = await applyDeployment(built(plan, 'v1'), env);
    // Everything created; storage exists with every environment, and its permission is set.
    expect(first.filter((s) => s.outcome !== 'created').map((s) => `${s.what} ${s.outcome}`)).toEqual(['云存储权限 PRIVATE updated']);
    expect([...env.functions.keys()].sort()).toEqual(functionFolders());
    expect(env.functions.get('deliveries')?.triggers).toEqual(plan.functions.find((f) => f.name === 'deliveries')?.triggers);
    expect(env.functions.get('notices')?.variables[CODE_HASH_VARIABLE]).toBe('v1-notices');
    for (const c of plan.collections) {
      expect(env.collections.get(c.name)?.permission).toBe('ADMINONLY');
      expect([...(env.collections.get(c.name)?.indexes.keys() ?? [])]).toEqual(c.indexes.map((i) => i.name));
    }
    expect(env.http).toEqual([{ name: 'feeds', path: '/feeds' }]);
    // Storage private: a fileID is read only through the files function's short-lived link.
    expect(env.storage).toBe('PRIVATE');

    // The bureau sets a variable by hand between deploys: it survives.
    env.functions.get('feeds')!.variables.FEEDS_SITE_URL = 'https://gov.example.cn';
    env.changes = [];
    const second = await applyDeployment(built(plan, 'v1'), env);
    expect(env.changes).toEqual([]);
    expect(second.every((s) => s.outcome === 'unchanged')).toBe(true);

    const rebuilt = built(plan, 'v1');
    rebuilt.functions = rebuilt.functions.map((f) => (f.name === 'notices' ? { ...f, codeHash: 'v2-notices' } : f));
    const third = await applyDeployment(rebuilt, env);
    expect(env.changes).toEqual(['updateFunctionCode notices', 'updateFunctionConfig notices']);
    expect(third.filter((s) => s.outcome !== 'unchanged').map((s) => s.what)).toEqual(['函数 notices']);
    expect(env.functions.get('feeds')?.variables.FEEDS_SITE_URL).toBe('https://gov.example.cn');
  });

  test('an environment set up by hand is completed, not rebuilt: a missing index, a wrong permission, a changed schedule', async () => {
    const env = new MemoryCloudbaseEnv();
    await applyDeployment(built(plan, 'v1'), env);
    env.collections.get('requests')!.indexes.delete('requests__trackingNumber');
    env.collections.get('audit')!.permission = 'READONLY';
    env.functions.get('deliveries')!.triggers[0].config = '0 0 * * * * *';
    env.storage = 'READONLY';
    env.changes = [];
    await applyDeployment(built(plan, 'v1'), env);
    expect(env.changes.sort()).toEqual(['createIndexes requests', 'createTriggers deliveries', 'deleteTrigger deliveries dispatch-notifications', 'setCollectionPermission audit', 'setStorageAcl PRIVATE']);
    expect(env.functions.get('deliveries')!.triggers[0].config).toBe('0 */1 * * * * *');
  });

  test('a deploy before the build refuses instead of uploading nothing', async () => {
    const unbuilt = { ...plan, functions: plan.functions.map((f) => ({ ...f, codeHash: null })) };
    await expect(applyDeployment(unbuilt, new MemoryCloudbaseEnv())).rejects.toThrow('npm run build:functions');
  });

  test('cloudbaserc.json for @cloudbase/cli carries the same functions and triggers', () => {
    const rc = cloudbasercOf(plan);
    expect(rc.envId).toBe('prod-test1');
    expect(rc.functions.map((f) => f.name)).toEqual(plan.functions.map((f) => f.name));
    expect(rc.functions.find((f) => f.name === 'deliveries')).toMatchObject({ timeout: 60, triggers: [{ name: 'dispatch-notifications', type: 'timer' }] });
  });
});

test('planDeployment reads the registries, so a new collection or job is planned with nothing else to edit', () => {
  const widened = planDeployment({
    envId: 'e',
    root: ROOT,
    collections: { ...COLLECTIONS, brandNew: [['kind', 'id']] },
    jobs: [...JOBS, { name: 'brand-new-job', everyMs: 60_000, run: async () => ({ moreWork: false, counts: {} }) }],
  });
  expect(widened.collections.at(-1)).toEqual({ name: 'brandNew', permission: 'ADMINONLY', indexes: [{ collection: 'brandNew', name: 'brandNew__kind_id', fields: [{ field: 'kind', direction: 'asc' }, { field: '_id', direction: 'asc' }] }] });
  expect(widened.jobs.at(-1)).toEqual({ name: 'brand-new-job', runBy: 'deliveries', everyMs: 60_000 });
});
