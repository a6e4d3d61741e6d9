import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contract } from '../../shared/api/contract';
import { FUNCTIONS, HTTP_FUNCTIONS } from '../../cloudfunctions/registry';
import { BUNDLE_GOAL_BYTES, functionBundleFiles, functionBundleSizes, requireMs } from '../../bench/package-size';
import { JOBS } from '../../cloudfunctions/_jobs/registry';
import { bundleCloudbaseSdk, CLOUDBASE_SDK_FILE } from '../../scripts/cloudbase-sdk-bundle.cjs';

/**
 * The bundles deployed to CloudBase (dist/cloudfunctions, built by `npm test`
 * first). Without network only the paths that touch no database can run here:
 * malformed events, and an anonymous caller refused before any read. That is
 * enough to prove the bundle loads, routes, and takes identity from the
 * platform's context rather than from the event.
 */
const DIST = 'dist/cloudfunctions';
const built = existsSync(DIST);
if (!built) console.warn('dist/cloudfunctions is missing: run `npm run build:functions` (npm test does this first).');

/** Our code in a function's bundle: index.js, the chunks it shares with its lazy modules, and those modules (not the SDK beside them). */
function bundleCode(name: string): string {
  return readdirSync(join(DIST, name))
    .filter((f) => f.endsWith('.js') && f !== CLOUDBASE_SDK_FILE)
    .map((f) => readFileSync(join(DIST, name, f), 'utf8'))
    .join('\n');
}

/** What SCF passes as `context`: the caller's WeChat identity travels in `environment`. */
function scfContext(env: Record<string, string>) {
  return { request_id: 'test-request', function_name: 'test', environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', ...env }) };
}

test('each function routes by its own part of the contract, the same object the contract index holds', () => {
  expect(Object.keys(FUNCTIONS).sort()).toEqual(Object.keys(contract).sort());
  for (const [name, fn] of Object.entries(FUNCTIONS)) expect({ name, same: fn.specs === contract[name as keyof typeof contract] }).toEqual({ name, same: true });
});

(built ? describe : describe.skip)('cloud function bundles', () => {
  test('one bundle per function of the contract and per HTTP function, each with its package.json and nothing to install', () => {
    expect(readdirSync(DIST).sort()).toEqual([...Object.keys(contract), ...HTTP_FUNCTIONS].sort());
    for (const name of [...Object.keys(contract), ...HTTP_FUNCTIONS]) {
      const pkg = JSON.parse(readFileSync(join(DIST, name, 'package.json'), 'utf8'));
      expect(pkg.main).toBe('index.js');
      expect(pkg.dependencies).toBeUndefined();
    }
  });

  test('every bundle carries @cloudbase/node-sdk as the file the adapter tests run (the same bytes), and requires it from there', async () => {
    const { code } = await bundleCloudbaseSdk();
    for (const name of [...Object.keys(contract), ...HTTP_FUNCTIONS]) {
      expect({ name, same: readFileSync(join(DIST, name, CLOUDBASE_SDK_FILE), 'utf8') === code }).toEqual({ name, same: true });
      expect(bundleCode(name)).not.toContain('require("@cloudbase/node-sdk")');
      expect(functionBundleFiles(DIST)[name].start).toHaveProperty([CLOUDBASE_SDK_FILE]);
    }
  });

  test.each(Object.keys(contract))('%s: declares every WeChat open API it calls (CloudBase refuses undeclared ones)', (name) => {
    const code = bundleCode(name);
    const called = new Set([...code.matchAll(/\.(?:call|picture)\(\s*["'](security\.msgSecCheck|subscribeMessage\.send|wxacode\.getUnlimited)["']/g)].map((m) => m[1]));
    const configPath = join(DIST, name, 'config.json');
    const declared: string[] = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')).permissions?.openapi ?? [] : [];
    for (const api of called) expect(declared).toContain(api);
  });

  /**
   * The SQLite adapters (store, FTS5 notice search) are the local cloud's: the CloudBase entry wires
   * CloudBase's, and the ports import no adapter, so none of this may reach a deployed bundle. Names are
   * minified away, so the markers are what survives minifying: module names, SQL and property names.
   */
  const SQLITE_MARKERS = /better-sqlite3|sqlite|fts5|notice_fts|trigram|withConnection|SqliteNoticeSearch|SqliteStore/gi;
  test.each([...Object.keys(contract), ...HTTP_FUNCTIONS])('%s: carries no SQLite code', (name) => {
    const code = bundleCode(name);
    expect([...new Set(code.match(SQLITE_MARKERS) ?? [])]).toEqual([]);
  });

  test("the audit bundle carries every action's summary, not the other functions' schemas", () => {
    const code = readFileSync(join(DIST, 'audit', 'index.js'), 'utf8');
    for (const specs of Object.values(contract)) for (const spec of Object.values(specs as Record<string, { summary: string }>)) expect(code).toContain(spec.summary);
    // A message of the request form's schema: present only if the requests contract came in.
    expect(code).not.toContain('选择邮寄时请填写通讯地址');
  });

  test.each([...Object.keys(contract), ...HTTP_FUNCTIONS])("%s: carries zod's English messages only, not its 40 locales (`import { z } from 'zod'` brings them all: 190 KB)", (name) => {
    const code = bundleCode(name);
    // A message of zod's French locale, which minifying keeps.
    expect(code).not.toContain('Entrée invalide');
  });

  test.each([...Object.keys(contract), ...HTTP_FUNCTIONS])('%s: validates with zod/mini, not classic zod (whose methods bring every check: ~90 KB a bundle)', (name) => {
    const code = bundleCode(name);
    // zod names each schema class in a string that minifying keeps: classic "ZodString", mini "ZodMiniString".
    expect(code).toContain('ZodMiniObject');
    expect(code).not.toMatch(/"Zod(String|Number|Object|Array|Optional)"/);
  });

  test.each(['windows', 'staff'])('%s: carries no QR drawing code (WeChat draws the codes on CloudBase)', (name) => {
    const code = bundleCode(name);
    expect(code).toContain('wxacode.getUnlimited');
    // An error text of qrcode's encoder, which minifying keeps: present only if the package came in.
    expect(code).not.toContain('The amount of data is too big');
  });

  test('bench:size measures each bundle\'s size and the time a fresh process takes to require it', () => {
    const sizes = functionBundleSizes(DIST);
    expect(Object.keys(sizes).sort()).toEqual([...Object.keys(contract), ...HTTP_FUNCTIONS].sort());
    for (const bytes of Object.values(sizes)) expect(bytes).toBeGreaterThan(0);
    // One bundle in a fresh process: it loads without network and reports a time (figures only, no limit here).
    const ms = requireMs(join(DIST, 'session', 'index.js'), 1);
    expect(Number.isFinite(ms) && ms > 0).toBe(true);
  }, 30_000);

  test('a bundle carries its own function\'s contract, not every function\'s (cold start: size and parse time)', () => {
    // Each action's summary is a string that survives minifying: session's bundle has its own, and none of the requests function's.
    // esbuild writes Chinese as UTF-8 (charset utf8), so a summary appears as written.
    const asWritten = (text: string) => text;
    const session = readFileSync(join(DIST, 'session', 'index.js'), 'utf8');
    expect(session).toContain(asWritten(contract.session.whoami.summary));
    for (const spec of Object.values(contract.requests)) expect(session).not.toContain(asWritten((spec as { summary: string }).summary));
  });

  test('the requests bundle leaves the letter PDF to a file beside it, with its font, so its cold start does not parse pdf-lib', () => {
    const index = readFileSync(join(DIST, 'requests', 'index.js'), 'utf8');
    // Required inside a promise, when the action runs: not at the top of index.js.
    expect(index).toMatch(/Promise\.resolve\(\)\.then\(\(\)=>[\w$]*\(?require\("\.\/letter-pdf\.js"\)/);
    expect(index).not.toMatch(/PDFDocument|fontkit/);
    expect(readFileSync(join(DIST, 'requests', 'letter-pdf.js'), 'utf8')).toMatch(/PDFDocument/);
    expect(existsSync(join(DIST, 'requests', 'fonts', 'NotoSerifSC-Regular.ttf'))).toBe(true);
    expect(readFileSync(join(DIST, 'requests', 'fonts', 'OFL.txt'), 'utf8')).toContain('SIL Open Font License');
  });

  /** Modules a function loads only when their work comes (scripts/build-functions.mjs, LAZY), and what each exports. */
  const LAZY: Array<[string, string, string]> = [
    ['calendar', 'recompute-after-change.js', 'recomputeAfterChange'],
    ['deliveries', 'periodic-jobs.js', 'JOBS'],
    ['inquiries', 'redirect-from-request.js', 'redirectFromRequest'],
    ['reviews', 'request-review.js', 'carryOutRequestReview'],
    ['requests', 'request-changes.js', 'change'],
    ['requests', 'staff-actions.js', 'staffActions'],
  ];

  test.each(LAZY)('%s: %s is required when its work comes, not at start, and loads beside the bundle', (name, file, exported) => {
    const index = readFileSync(join(DIST, name, 'index.js'), 'utf8');
    const required = [...index.matchAll(/require\("\.\/([^"]+)"\)/g)].map((m) => m[1]);
    expect(required).toContain(file);
    expect(index).toMatch(new RegExp(`Promise\\.resolve\\(\\)\\.then\\(\\(\\)=>[\\w$]*\\(?require\\("\\./${file.replace('.', '\\.')}"\\)`));
    expect(functionBundleFiles(DIST)[name].lazy).toHaveProperty([file]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require(resolve(DIST, name, file))).toHaveProperty(exported);
  });

  test('the deliveries timer loads the same jobs, in the same order, as the registry lists', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { JOBS: bundled } = require(resolve(DIST, 'deliveries', 'periodic-jobs.js'));
    expect(bundled.map((j: { name: string }) => j.name)).toEqual(JOBS.map((j) => j.name));
  });

  test.each(LAZY)('%s: the function and its lazy module share one copy of what both use (a conflict thrown by the store is the class the retry catches)', (name) => {
    const files = readdirSync(join(DIST, name)).filter((f) => f.endsWith('.js'));
    const holding = (text: string) => files.filter((f) => readFileSync(join(DIST, name, f), 'utf8').includes(text));
    // The name the store's conflict error gives itself, and an error message of errors.ts: strings minifying keeps.
    expect(holding('VersionConflictError')).toHaveLength(1);
    expect(holding('请先登录后再操作')).toHaveLength(1);
  });

  test.each([...Object.keys(contract), ...HTTP_FUNCTIONS])(`%s: our code loads at most ${BUNDLE_GOAL_BYTES / 1024} KB at start (cold start; the SDK beside it is counted apart)`, (name) => {
    expect({ name, bytes: functionBundleSizes(DIST)[name] }).toEqual({ name, bytes: expect.any(Number) });
    expect(functionBundleSizes(DIST)[name]).toBeLessThanOrEqual(BUNDLE_GOAL_BYTES);
  });

  test("the bundles carry chinese-days' answers as a table, not the package (the build checks the table against it)", () => {
    for (const name of ['requests', 'calendar', 'ratings']) {
      const code = bundleCode(name);
      // Names the package's own code keeps through minifying: its solar-term keys and lunar month names.
      expect(code).not.toMatch(/pure_brightness|lesser_cold/);
      expect(code).toContain('春节调休上班');
    }
  });

  test('a resident\'s reads start without the request machine or the staff actions, which load with their first call', () => {
    const { start, lazy } = functionBundleFiles(DIST).requests;
    const atStart = Object.keys(start).map((f) => readFileSync(join(DIST, 'requests', f), 'utf8')).join('\n');
    // Strings those modules keep through minifying: an error of the machine's refusals, and the queue's unassigned filter.
    expect(atStart).not.toContain('“未分配部门”不能与按部门筛选同时使用');
    expect(Object.keys(lazy)).toEqual(expect.arrayContaining(['request-changes.js', 'staff-actions.js']));
    expect(bundleCode('requests')).toContain('“未分配部门”不能与按部门筛选同时使用');
  });

  test('bench:size counts what a function loads at start apart from what it loads later', () => {
    const requests = functionBundleFiles(DIST).requests;
    expect(Object.keys(requests.start)).toContain('index.js');
    expect(Object.keys(requests.lazy)).toContain('letter-pdf.js');
    expect(Object.keys(requests.start)).toContain(CLOUDBASE_SDK_FILE);
    // Our bytes at start: everything loaded at start but the SDK, which bench:size shows apart.
    expect(functionBundleSizes(DIST).requests).toBe(Object.values(requests.start).reduce((a, b) => a + b, 0) - requests.start[CLOUDBASE_SDK_FILE]);
  });

  test('opinions and ratings are screened by msgSecCheck, so their bundles carry the permission', () => {
    for (const name of ['notices', 'ratings']) {
      const config = JSON.parse(readFileSync(join(DIST, name, 'config.json'), 'utf8'));
      expect(config.permissions.openapi).toContain('security.msgSecCheck');
    }
  });

  test.each(Object.keys(contract))('%s: malformed events get a clean envelope', async (name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { main } = require(resolve(DIST, name, 'index.js'));
    expect(await main('garbage', scfContext({}))).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(await main({ action: 'nope' }, scfContext({}))).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  });

  test('feeds: an HTTP access event for no feed answers 404 with the envelope, before any database is opened', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { main } = require(resolve(DIST, 'feeds', 'index.js'));
    for (const event of [{ path: '/feeds/nope', httpMethod: 'GET' }, { path: '/feeds/notices.json', httpMethod: 'POST' }, 'garbage']) {
      const reply = await main(event, scfContext({}));
      expect(reply).toMatchObject({ statusCode: 404, isBase64Encoded: false });
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
  });

  test('identity comes from the platform context, never from the event', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { main } = require(resolve(DIST, 'notices', 'index.js'));
    const claimed = { action: 'save', data: { notice: {} }, userInfo: { openId: 'demo-admin' } };
    expect(await main(claimed, scfContext({}))).toMatchObject({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录后再操作' });
  });
});
