// `npm test`: typecheck, build everything the tests inspect (function bundles, the WeChat
// build, the H5 build), then run every jest suite (domain, functions over SQLite, pages,
// miniprogram-simulate, build checks, and end-to-end in Chromium over the local cloud).
// SKIP_BUILD=1 reuses existing builds while iterating; CI never sets it.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { npx, run } from './lib.mjs';
import { chromiumMissing } from './chromium-check.mjs';

const steps = [['typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']]];
if (!process.env.SKIP_BUILD) {
  steps.push(
    ['cloud functions', process.execPath, ['scripts/build-functions.mjs']],
    ['weapp build', npx, ['taro', 'build', '--type', 'weapp']],
    ['h5 build', npx, ['taro', 'build', '--type', 'h5']],
  );
}
mkdirSync('test-results', { recursive: true });
const JEST_REPORT = 'test-results/jest.json';
steps.push(['jest', npx, ['jest', '--ci', '--json', `--outputFile=${JEST_REPORT}`, ...process.argv.slice(2)]]);

const started = Date.now();
// A newcomer without Chromium gets one line on how to get it, not a stack trace from every e2e suite.
const noChromium = chromiumMissing();
if (noChromium) console.log(`\n⚠ ${noChromium}`);
for (const [label, command, args] of steps) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  const code = await run(command, args, { env: { ...process.env, NODE_ENV: label === 'jest' ? 'test' : process.env.NODE_ENV } });
  console.log(`◀ ${label}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) process.exit(code);
}
console.log(`\nall steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (existsSync(JEST_REPORT)) {
  const r = JSON.parse(readFileSync(JEST_REPORT, 'utf8'));
  // The plain closing line CI reads: "N passed, N failed, N skipped".
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
}
