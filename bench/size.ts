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
// Cold start: each bundle's size and its require time in a fresh process (median of BENCH_RUNS, default 5).
const { bundles, sdkRequireMs } = functionBundleFigures('dist/cloudfunctions', Number(process.env.BENCH_RUNS ?? 5));
const mark = (ok: boolean) => (ok ? 'within goal' : 'over goal');
for (const [name, { bytes, requireMs, ownMs }] of Object.entries(bundles)) {
  console.log(`cloud function ${name}: ${kb(bytes)} (${mark(bytes <= BUNDLE_GOAL_BYTES)} ${kb(BUNDLE_GOAL_BYTES)}), require ${requireMs.toFixed(0)} ms (${mark(requireMs <= REQUIRE_GOAL_MS)} ${REQUIRE_GOAL_MS} ms), of which our code ${ownMs.toFixed(0)} ms`);
}
console.log(`@cloudbase/node-sdk alone (loaded by every bundle): require ${sdkRequireMs.toFixed(0)} ms`);
const sizes = Object.values(bundles).map((b) => b.bytes);
const times = Object.values(bundles).map((b) => b.requireMs);
const own = Object.values(bundles).map((b) => b.ownMs);
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
if (sizes.length) console.log(`bundles: ${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))}, require ${range(times)}, our code ${range(own)}`);
