/**
 * WeChat's own checks of the mini-program build, run offline with
 * `miniprogram-ci` (the library behind DevTools' 代码质量 panel and uploads):
 *
 *   codeQuality()      the 11 checks DevTools shows under 代码质量
 *   compiledPackage()  what WeChat would receive on upload, with sizes per package
 *
 * `node scripts/wechat-checks.cjs` prints both (npm run check:wechat); with
 * `--json` it prints one JSON line at the end instead (the build test reads it,
 * in a child process, because miniprogram-ci patches and forks as it goes).
 *
 * Two things make it run without a WeChat account or network:
 * - `ci.Project` insists on an upload key file; the checks never read it, so a
 *   throwaway RSA key is written to the temp folder.
 * - the library asks WeChat's servers for the app's attributes before it
 *   compiles; we answer with its own built-in defaults instead. The checks and
 *   the compile are the same code DevTools runs; only the attributes of a real
 *   appid (e.g. plugins it may use) are not consulted.
 */
const { generateKeyPairSync } = require('node:crypto');
const { existsSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');
/** Our budget for the main package: a quarter of the 2 MB WeChat allows. */
const MAIN_PACKAGE_LIMIT_BYTES = 512 * 1024;
/** Our budget for all packages together (WeChat allows 20 MB with subpackages). */
const TOTAL_LIMIT_BYTES = 4 * 1024 * 1024;

let ci;
function miniprogramCi() {
  if (ci) return ci;
  const attributes = require('miniprogram-ci/dist/ci/projectattr');
  const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config');
  attributes.getProjectAttr = async () => DefaultProjectAttr;
  ci = require('miniprogram-ci');
  return ci;
}

function throwawayKey() {
  const path = join(tmpdir(), 'sunshine-gov-ci-key.pem');
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(path, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  }
  return path;
}

function project(projectPath = ROOT) {
  const { Project } = miniprogramCi();
  return new Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath,
    privateKeyPath: throwawayKey(),
    ignores: ['node_modules/**/*'],
  });
}

/** The 11 code-quality checks: [{ name, success, text, detail? }]. */
async function codeQuality(projectPath = ROOT) {
  return miniprogramCi().checkCodeQuality(project(projectPath));
}

/** Byte sizes of the compiled upload: main package, each subpackage, total. */
async function compiledPackage(projectPath = ROOT, subpackageRoots = []) {
  const files = await miniprogramCi().getCompiledResult({ project: project(projectPath), setting: { es6: false } });
  const sizes = { main: 0, subpackages: {}, total: 0, files: Object.keys(files).length };
  for (const [name, content] of Object.entries(files)) {
    const bytes = Buffer.byteLength(content);
    sizes.total += bytes;
    const root = subpackageRoots.find((r) => name.startsWith(`${r}/`));
    if (root) sizes.subpackages[root] = (sizes.subpackages[root] || 0) + bytes;
    else sizes.main += bytes;
  }
  return sizes;
}

module.exports = { codeQuality, compiledPackage, MAIN_PACKAGE_LIMIT_BYTES, TOTAL_LIMIT_BYTES };

if (require.main === module) {
  (async () => {
    const app = require(join(ROOT, 'dist/weapp/app.json'));
    const checks = await codeQuality();
    // The library gives each check the sentence it would show on failure; print it only then.
    for (const c of checks) console.log(c.success ? `通过    ${c.name}` : `未通过  ${c.name}: ${c.text}`);
    const sizes = await compiledPackage(ROOT, (app.subPackages || []).map((s) => s.root));
    if (process.argv.includes('--json')) {
      console.log(`\n${JSON.stringify({ checks, sizes })}`);
      process.exit(0);
    }
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`compiled: ${sizes.files} files; main ${kb(sizes.main)} (limit ${kb(MAIN_PACKAGE_LIMIT_BYTES)}); ` +
      Object.entries(sizes.subpackages).map(([r, n]) => `${r} ${kb(n)}`).join(', ') + `; total ${kb(sizes.total)} (limit ${kb(TOTAL_LIMIT_BYTES)})`);
    const failed = checks.filter((c) => !c.success).length;
    console.log(`${checks.length - failed} of ${checks.length} checks pass`);
    process.exit(failed ? 1 : 0);
  })().catch((e) => { console.error(e); process.exit(1); });
}
