// Prints the figures the budget is about: weapp main package, subpackages, total, and each
// cloud function bundle. Run after a build: `npm run build && npm run bench:size`.
import { functionBundleSizes, kb, MAIN_PACKAGE_BUDGET_BYTES, weappSizes } from './package-size';

const weapp = weappSizes();
console.log(`weapp main package: ${kb(weapp.mainBytes)} (budget ${kb(MAIN_PACKAGE_BUDGET_BYTES)}, ${((weapp.mainBytes / MAIN_PACKAGE_BUDGET_BYTES) * 100).toFixed(0)}% used)`);
for (const [root, bytes] of Object.entries(weapp.subpackages)) console.log(`weapp subpackage ${root}: ${kb(bytes)}`);
console.log(`weapp total: ${kb(weapp.totalBytes)}`);
for (const [name, bytes] of Object.entries(functionBundleSizes())) console.log(`cloud function ${name}: ${kb(bytes)}`);
