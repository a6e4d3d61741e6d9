// Prints the figures the budget is about: weapp main package, subpackages, total, and each
// cloud function bundle's size and require time (cold start). Run after a build: `npm run build && npm run bench:size`.
import { existsSync } from 'node:fs';
import { BUNDLE_GOAL_BYTES, functionBundleFigures, kb, MAIN_PACKAGE_BUDGET_BYTES, REQUIRE_GOAL_MS, weappSizes } from './package-size';

// The WeChat build is optional here: after `npm run build:functions` alone, the bundles are still measured.
if (existsSync('dist/weapp/app.json')) {
  const weapp = weappSizes();
  console.log(`weapp main package: ${kb(weapp.mainBytes)} (budget ${kb(MAIN_PACKAGE_BUDGET_BYTES)}, ${((weapp.mainBytes / MAIN_PACKAGE_BUDGET_BYTES) * 100).toFixed(0)}% used)`);
  for (const [root, bytes] of Object.entries(weapp.subpackages)) console.log(`weapp subpackage ${root}: ${kb(bytes)}`);
  console.log(`weapp total: ${kb(weapp.totalBytes)}`);
} else console.log('weapp: not built (npm run build:weapp), skipped');
// Cold start: each bundle's size and its require time in a fresh process (median of BENCH_RUNS, default 5),
// elapsed and CPU; CPU is the figure to compare across runs, as other work on the machine inflates elapsed time.
const { bundles, sdk } = functionBundleFigures('dist/cloudfunctions', Number(process.env.BENCH_RUNS ?? 5));
const mark = (ok: boolean) => (ok ? 'within' : 'OVER');
const ms = (t: { wallMs: number; cpuMs: number }) => `${t.wallMs.toFixed(0)} ms elapsed, ${t.cpuMs.toFixed(0)} ms CPU`;
for (const [name, { bytes, lazy, require, own }] of Object.entries(bundles)) {
  const later = Object.entries(lazy).map(([file, b]) => `${file} ${kb(b)}`).join(', ');
  console.log(
    `cloud function ${name}: ${kb(bytes)} at start (${mark(bytes <= BUNDLE_GOAL_BYTES)} ${kb(BUNDLE_GOAL_BYTES)})${later ? `, later: ${later}` : ''}; ` +
      `require ${ms(require)}; our code ${ms(own)} (${mark(own.cpuMs <= REQUIRE_GOAL_MS)} ${REQUIRE_GOAL_MS} ms)`,
  );
}
console.log(`@cloudbase/node-sdk alone (loaded by every bundle, not ours to shrink): require ${ms(sdk)}`);
const list = Object.values(bundles);
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
if (list.length) {
  const sizes = list.map((b) => b.bytes);
  console.log(`bundles at start: ${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))}, ${sizes.filter((b) => b <= BUNDLE_GOAL_BYTES).length} of ${list.length} within ${kb(BUNDLE_GOAL_BYTES)}`);
  console.log(`require with the SDK: ${range(list.map((b) => b.require.wallMs))} elapsed, ${range(list.map((b) => b.require.cpuMs))} CPU`);
  console.log(`our code: ${range(list.map((b) => b.own.wallMs))} elapsed, ${range(list.map((b) => b.own.cpuMs))} CPU, ${list.filter((b) => b.own.cpuMs <= REQUIRE_GOAL_MS).length} of ${list.length} within ${REQUIRE_GOAL_MS} ms CPU`);
}
