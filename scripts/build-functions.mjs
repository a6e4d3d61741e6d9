// Bundles each cloud function for CloudBase: dist/cloudfunctions/<name>/index.js + package.json.
// The shared contract, domain code, zod and dayjs are bundled in; @cloudbase/node-sdk is left
// as a dependency for CloudBase to install ("云端安装依赖"), as its docs recommend.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const names = readdirSync('cloudfunctions', { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join('cloudfunctions', d.name, 'index.ts')))
  .map((d) => d.name);

/**
 * Modules a function loads only when one action needs them, bundled as their own file beside
 * index.js so the function's cold start does not parse them: the requests function's letter PDF
 * (pdf-lib and fontkit, ~1 MB) with its font, Noto Serif SC (SIL OFL 1.1, from the npm package
 * @expo-google-fonts/noto-serif-sc), copied as fonts/NotoSerifSC-Regular.ttf with its licence.
 */
const LAZY = {
  requests: {
    modules: ['letter-pdf'],
    files: [
      ['node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', 'fonts/NotoSerifSC-Regular.ttf'],
      ['node_modules/@expo-google-fonts/noto-serif-sc/LICENSE_FONT', 'fonts/OFL.txt'],
    ],
  },
};

/** Leaves `import('./<module>')` of a lazy module to be required at run time from the file built beside the bundle. */
const lazyModules = (modules) => ({
  name: 'lazy-modules',
  setup(b) {
    const filter = new RegExp(`^\\./(${modules.join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: `${args.path}.js`, external: true }));
  },
});

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

rmSync('dist/cloudfunctions', { recursive: true, force: true });
// esbuild's account of each bundle (which input gave how many bytes), read by `npm run bench:bundle-bytes`.
rmSync('dist/bundle-meta', { recursive: true, force: true });
mkdirSync('dist/bundle-meta', { recursive: true });
/** What every bundle is built as: a function's entry and the modules it loads lazily alike. */
const BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node16',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // Chinese text (messages, summaries) as UTF-8, 3 bytes a character, not \uXXXX escapes of 6.
  charset: 'utf8',
};

for (const name of names) {
  const outdir = join('dist/cloudfunctions', name);
  mkdirSync(outdir, { recursive: true });
  const { metafile } = await build({
    ...BUNDLE,
    metafile: true,
    entryPoints: [join('cloudfunctions', name, 'index.ts')],
    outfile: join(outdir, 'index.js'),
    // qrcode draws the local cloud's QR (cloudfunctions/_runtime/mini-program-code.ts); on CloudBase WeChat
    // draws the code, so the 56 KB of qrcode would only slow every cold start of windows and staff.
    external: ['@cloudbase/node-sdk', 'qrcode'],
    logLevel: 'warning',
    plugins: [summaries, ...(LAZY[name] ? [lazyModules(LAZY[name].modules)] : [])],
  });
  writeFileSync(join('dist/bundle-meta', `${name}.json`), JSON.stringify(metafile));
  for (const module of LAZY[name]?.modules ?? []) {
    await build({ ...BUNDLE, entryPoints: [join('cloudfunctions', name, `${module}.ts`)], outfile: join(outdir, `${module}.js`), logLevel: 'warning' });
  }
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
        dependencies: { '@cloudbase/node-sdk': pkg.dependencies['@cloudbase/node-sdk'] },
      },
      null,
      2,
    ) + '\n',
  );
}
console.log(`bundled ${names.length} cloud functions: ${names.join(', ')}`);
