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
// The goals hold for what a cold instance loads, the SDK included; our code's share is shown beside it.
const { bundles, sdk, installedSdk } = functionBundleFigures('dist/cloudfunctions', Number(process.env.BENCH_RUNS ?? 5));
const mark = (ok: boolean) => (ok ? 'within' : 'OVER');
const ms = (t: { wallMs: number; cpuMs: number }) => `${t.cpuMs.toFixed(0)} ms CPU (${t.wallMs.toFixed(0)} ms elapsed)`;
for (const [name, { bytes, sdkBytes, lazy, require, own }] of Object.entries(bundles)) {
  const later = Object.entries(lazy).map(([file, b]) => `${file} ${kb(b)}`).join(', ');
  console.log(
    `cloud function ${name}: ${kb(bytes)} at start, ours ${kb(bytes - sdkBytes)} + SDK ${kb(sdkBytes)} (${mark(bytes <= BUNDLE_GOAL_BYTES)} ${kb(BUNDLE_GOAL_BYTES)}; ours ${mark(bytes - sdkBytes <= BUNDLE_GOAL_BYTES)})` +
      `${later ? `, later: ${later}` : ''}; require ${ms(require)} (${mark(require.cpuMs <= REQUIRE_GOAL_MS)} ${REQUIRE_GOAL_MS} ms), our code ${ms(own)}`,
  );
}
if (sdk) console.log(`@cloudbase/node-sdk as the bundles carry it (cloudbase-sdk.js): require ${ms(sdk)}`);
console.log(`@cloudbase/node-sdk as npm installs it (what CloudBase installed before it was bundled): require ${ms(installedSdk)}`);
const list = Object.values(bundles);
const range = (xs: number[], unit = ' ms') => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}${unit}`;
if (list.length) {
  const sizes = list.map((b) => b.bytes);
  const ours = list.map((b) => b.bytes - b.sdkBytes);
  console.log(`bundles at start: ${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))}, ${sizes.filter((b) => b <= BUNDLE_GOAL_BYTES).length} of ${list.length} within ${kb(BUNDLE_GOAL_BYTES)}; our code ${kb(Math.min(...ours))}–${kb(Math.max(...ours))}, ${ours.filter((b) => b <= BUNDLE_GOAL_BYTES).length} of ${list.length} within`);
  console.log(`require with the SDK: ${range(list.map((b) => b.require.cpuMs))} CPU (${range(list.map((b) => b.require.wallMs))} elapsed), ${list.filter((b) => b.require.cpuMs <= REQUIRE_GOAL_MS).length} of ${list.length} within ${REQUIRE_GOAL_MS} ms CPU`);
  console.log(`our code: ${range(list.map((b) => b.own.cpuMs))} CPU (${range(list.map((b) => b.own.wallMs))} elapsed)`);
}
