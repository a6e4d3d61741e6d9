// Bundles each cloud function for CloudBase: dist/cloudfunctions/<name>/index.js + package.json.
// The shared contract, domain code, zod and dayjs are bundled in; @cloudbase/node-sdk is bundled on its own
// (scripts/cloudbase-sdk-bundle.cjs) as cloudbase-sdk.js beside index.js, so CloudBase installs nothing.
import { build, transform } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { calendarTablesPlugin } from './calendar-tables.mjs';
import { bundleCloudbaseSdk, CLOUDBASE_SDK_FILE, CLOUDBASE_SDK_LICENSES_FILE } from './cloudbase-sdk-bundle.cjs';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const names = readdirSync('cloudfunctions', { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join('cloudfunctions', d.name, 'index.ts')))
  .map((d) => d.name);

/**
 * Modules a function loads only when the work that needs them comes, built as their own files beside
 * index.js so the function's cold start does not parse them:
 * - requests: the letter PDF (pdf-lib and fontkit, ~1 MB) with its font, Noto Serif SC (SIL OFL 1.1, from
 *   the npm package @expo-google-fonts/noto-serif-sc), copied as fonts/NotoSerifSC-Regular.ttf with its licence;
 *   what writes a request (the request machine), needed by a submit or a change, not by a resident's reads;
 *   and the staff actions (queue, fees, reviews, the roster), which residents never call.
 * - calendar: what a change of the calendar recomputes (open requests, follow-ups and cases: the request
 *   machine), needed a few times a year, not by the everyday `days` and `dueDate`.
 * - deliveries: every periodic job, needed by the timer, not by a wake (the dispatcher alone) or staff.
 * - inquiries: redirecting a request to a case (条例 Art. 39), which answers the request with the request machine.
 * - reviews: carrying out an approved request reply, closing or extension (the request machine), not needed
 *   by the queue, a notice's review or the settings.
 * Each is an `import('./<module>')` in the function's source (the local cloud and the tests run the same).
 */
const LAZY = {
  calendar: { modules: ['recompute-after-change'] },
  deliveries: { modules: ['periodic-jobs'] },
  inquiries: { modules: ['redirect-from-request'] },
  reviews: { modules: ['request-review'] },
  requests: {
    modules: ['letter-pdf', 'request-changes', 'staff-actions'],
    files: [
      ['node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', 'fonts/NotoSerifSC-Regular.ttf'],
      ['node_modules/@expo-google-fonts/noto-serif-sc/LICENSE_FONT', 'fonts/OFL.txt'],
    ],
  },
};

/**
 * The audit function shows each action's summary. Its module computes them from the whole contract, which
 * would bring every function's schemas into the audit bundle; the bundle gets the finished table instead,
 * computed here from the same module.
 */
async function actionSummariesPlugin() {
  const { outputFiles } = await build({
    entryPoints: ['shared/audit/action-summaries.ts'], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const table = JSON.stringify(module.exports.ACTION_SUMMARIES);
  return {
    name: 'action-summaries',
    setup(b) {
      b.onLoad({ filter: /shared[\\/]audit[\\/]action-summaries\.ts$/ }, () => ({ contents: `export const ACTION_SUMMARIES = ${table};`, loader: 'js' }));
    },
  };
}
const summaries = await actionSummariesPlugin();
// chinese-days' answers for the calendar as a table of a few KB, not the package's 24 KB (scripts/calendar-tables.mjs).
const calendarTables = await calendarTablesPlugin();

/**
 * The SDK, built once and copied beside every function's index.js: a cold instance reads and compiles one
 * file instead of finding and loading the package's thousands (scripts/cloudbase-sdk-bundle.cjs says what
 * it leaves out and why). The functions' `import tcb from '@cloudbase/node-sdk'` becomes a require of it.
 */
const sdk = await bundleCloudbaseSdk();
const SDK_IMPORT = `./${CLOUDBASE_SDK_FILE}`;
const sdkBesideIndex = {
  name: 'cloudbase-sdk-beside-index',
  setup(b) {
    b.onResolve({ filter: /^@cloudbase\/node-sdk$/ }, () => ({ path: SDK_IMPORT, external: true }));
  },
};

rmSync('dist/cloudfunctions', { recursive: true, force: true });
// esbuild's account of each bundle (which input gave how many bytes), read by `npm run bench:bundle-bytes`.
rmSync('dist/bundle-meta', { recursive: true, force: true });
mkdirSync('dist/bundle-meta', { recursive: true });
writeFileSync(join('dist/bundle-meta', `${CLOUDBASE_SDK_FILE.replace(/\.js$/, '')}.json`), JSON.stringify(sdk.metafile));
/**
 * A function and its lazy modules are built together with code splitting, so what both use (the store,
 * the errors, zod) is one module in a chunk they share, not two copies: a lazy module catching a
 * VersionConflictError thrown by the store must see the same class. esbuild splits only ES modules, and
 * CloudBase's Node 16 loads index.js with `require`, so each file is then rewritten as CommonJS, an
 * `import()` becoming a `require` inside a promise.
 */
const BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node16',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // Chinese text (messages, summaries) as UTF-8, 3 bytes a character, not \uXXXX escapes of 6.
  charset: 'utf8',
};
const ESM = 'dist/.functions-esm';
const { bundle: _bundle, ...AS_COMMONJS } = { ...BUNDLE, format: 'cjs', supported: { 'dynamic-import': false } };

for (const name of names) {
  const outdir = join('dist/cloudfunctions', name);
  const esmdir = join(ESM, name);
  mkdirSync(outdir, { recursive: true });
  const lazy = LAZY[name]?.modules ?? [];
  const { metafile } = await build({
    ...BUNDLE,
    format: 'esm',
    splitting: true,
    metafile: true,
    entryPoints: Object.fromEntries([['index', join('cloudfunctions', name, 'index.ts')], ...lazy.map((m) => [m, join('cloudfunctions', name, `${m}.ts`)])]),
    outdir: esmdir,
    chunkNames: 'shared-[hash]',
    // qrcode draws the local cloud's QR (cloudfunctions/_runtime/mini-program-code.ts); on CloudBase WeChat
    // draws the code, so the 56 KB of qrcode would only slow every cold start of windows and staff.
    external: ['qrcode'],
    logLevel: 'warning',
    plugins: [summaries, calendarTables, sdkBesideIndex],
  });
  const files = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const { code } = await transform(readFileSync(file, 'utf8'), { ...AS_COMMONJS, loader: 'js' });
    writeFileSync(join(outdir, basename(file)), code);
    files[basename(file)] = { bytes: Buffer.byteLength(code), imports: output.imports.filter((i) => i.path.startsWith(ESM) || i.path === SDK_IMPORT).map((i) => ({ file: basename(i.path), lazy: i.kind === 'dynamic-import' })) };
  }
  writeFileSync(join(outdir, CLOUDBASE_SDK_FILE), sdk.code);
  writeFileSync(join(outdir, CLOUDBASE_SDK_LICENSES_FILE), sdk.licenses);
  // esbuild's account of which input gave how many bytes, and which file loads which at start or later
  // (read by `npm run bench:size` and `npm run bench:bundle-bytes`).
  writeFileSync(join('dist/bundle-meta', `${name}.json`), JSON.stringify({ ...metafile, files }));
  for (const [from, to] of LAZY[name]?.files ?? []) {
    mkdirSync(dirname(join(outdir, to)), { recursive: true });
    copyFileSync(from, join(outdir, to));
  }
  // A function's CloudBase config (timer triggers, open-API permissions) travels with it.
  const config = join('cloudfunctions', name, 'config.json');
  if (existsSync(config)) copyFileSync(config, join(outdir, 'config.json'));
  writeFileSync(
    join(outdir, 'package.json'),
    JSON.stringify(
      {
        name: `sunshine-gov-${name}`,
        version: pkg.version,
        private: true,
        main: 'index.js',
        // Nothing to install: the SDK is cloudbase-sdk.js. Its version, for whoever reads the folder.
        bundled: { '@cloudbase/node-sdk': sdk.version },
      },
      null,
      2,
    ) + '\n',
  );
}
rmSync(ESM, { recursive: true, force: true });
console.log(`bundled ${names.length} cloud functions: ${names.join(', ')}`);
