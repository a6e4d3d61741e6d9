import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Sizes as WeChat counts them: the main package is every file of the build
 * outside the subpackage roots named in app.json; each subpackage is its
 * root folder. WeChat's limits: 2 MB per package; our budget for the main
 * package is 512 KB, because every resident downloads it first.
 */
export const MAIN_PACKAGE_BUDGET_BYTES = 512 * 1024;

export interface WeappSizes {
  mainBytes: number;
  totalBytes: number;
  subpackages: Record<string, number>;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

export function weappSizes(dir = 'dist/weapp'): WeappSizes {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const sizes: WeappSizes = { mainBytes: 0, totalBytes: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])) };
  for (const file of files(dir)) {
    const bytes = statSync(file).size;
    const rel = relative(dir, file).split(sep).join('/');
    sizes.totalBytes += bytes;
    const root = roots.find((r) => rel.startsWith(`${r}/`));
    if (root) sizes.subpackages[root] += bytes;
    else sizes.mainBytes += bytes;
  }
  return sizes;
}

export function functionBundleSizes(dir = 'dist/cloudfunctions'): Record<string, number> {
  if (!existsSync(dir)) return {};
  const out: Record<string, number> = {};
  for (const name of readdirSync(dir)) {
    const bundle = join(dir, name, 'index.js');
    if (existsSync(bundle)) out[name] = statSync(bundle).size;
  }
  return out;
}

/** Cold-start goals for a function bundle: what CloudBase downloads and what Node parses before the first call. */
export const BUNDLE_GOAL_BYTES = 150 * 1024;
export const REQUIRE_GOAL_MS = 100;

/**
 * Milliseconds a fresh Node process spends in `require(file)` — the part of a cold start that is the
 * bundle's (CloudBase adds starting the runtime and the instance). With `preload`, that module is
 * required first and not timed (the SDK, to see our own code's share). The median of `runs` processes,
 * so one slow start on a busy machine does not decide it. Told it is on Tencent Cloud, the SDK does not
 * look for the metadata service while loading, so nothing leaves the machine.
 */
export function requireMs(file: string, runs = 5, preload?: string): number {
  const before = preload ? `require(${JSON.stringify(preload)});` : '';
  const script = `${before}const t=process.hrtime.bigint();require(${JSON.stringify(resolve(file))});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const times = Array.from({ length: runs }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, TENCENTCLOUD: 'true' } })));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export interface BundleFigures {
  bytes: number;
  /** The whole require, the SDK included, as a cold instance pays it. */
  requireMs: number;
  /** The same with the SDK already loaded: our own code's share. */
  ownMs: number;
}

const SDK = require.resolve('@cloudbase/node-sdk');

/** Each bundle's size and require times, and the SDK's own require time (every bundle loads it). */
export function functionBundleFigures(dir = 'dist/cloudfunctions', runs = 5): { bundles: Record<string, BundleFigures>; sdkRequireMs: number } {
  const bundles: Record<string, BundleFigures> = {};
  for (const [name, bytes] of Object.entries(functionBundleSizes(dir))) {
    const file = join(dir, name, 'index.js');
    bundles[name] = { bytes, requireMs: requireMs(file, runs), ownMs: requireMs(file, runs, SDK) };
  }
  return { bundles, sdkRequireMs: requireMs(SDK, runs) };
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
