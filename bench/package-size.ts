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

/**
 * The files of one function's bundle: those `require(index.js)` loads (index.js and the chunks it shares
 * with its lazy modules) and those loaded later, when an action needs them (scripts/build-functions.mjs,
 * LAZY), by name with their bytes. Read from the build's account in dist/bundle-meta beside the bundles;
 * without it, index.js alone.
 */
export interface BundleFiles {
  start: Record<string, number>;
  lazy: Record<string, number>;
}

interface BuiltFiles {
  files?: Record<string, { bytes: number; imports: Array<{ file: string; lazy: boolean }> }>;
}

export function functionBundleFiles(dir = 'dist/cloudfunctions'): Record<string, BundleFiles> {
  if (!existsSync(dir)) return {};
  const out: Record<string, BundleFiles> = {};
  for (const name of readdirSync(dir)) {
    const bundle = join(dir, name, 'index.js');
    if (!existsSync(bundle)) continue;
    const metaPath = join(dir, '..', 'bundle-meta', `${name}.json`);
    const files = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as BuiltFiles).files : undefined;
    if (!files) {
      out[name] = { start: { 'index.js': statSync(bundle).size }, lazy: {} };
      continue;
    }
    // What index.js requires, and what that requires, before any action runs; the rest waits for its action.
    const start = new Set(['index.js']);
    const queue = ['index.js'];
    while (queue.length) {
      for (const i of files[queue.shift()!]?.imports ?? []) {
        if (i.lazy || start.has(i.file)) continue;
        start.add(i.file);
        queue.push(i.file);
      }
    }
    const sizeOf = (file: string) => statSync(join(dir, name, file)).size;
    out[name] = {
      start: Object.fromEntries([...start].map((f) => [f, sizeOf(f)])),
      lazy: Object.fromEntries(Object.keys(files).filter((f) => !start.has(f)).map((f) => [f, sizeOf(f)])),
    };
  }
  return out;
}

/**
 * Each function's own bytes loaded at its start (index.js and the chunks it requires): what a cold start
 * parses of our code. The SDK it also loads (cloudbase-sdk.js, in `start`) is counted apart by
 * functionBundleFigures.
 */
export function functionBundleSizes(dir = 'dist/cloudfunctions'): Record<string, number> {
  const ours = (files: Record<string, number>) => Object.entries(files).reduce((a, [file, bytes]) => a + (file === SDK_FILE ? 0 : bytes), 0);
  return Object.fromEntries(Object.entries(functionBundleFiles(dir)).map(([name, files]) => [name, ours(files.start)]));
}

/** Cold-start goals for a function bundle: what CloudBase downloads and what Node parses before the first call. */
export const BUNDLE_GOAL_BYTES = 150 * 1024;
export const REQUIRE_GOAL_MS = 100;

export interface RequireTimes {
  /** Elapsed time: what a caller waits for, and what a busy machine inflates (other processes take the cores). */
  wallMs: number;
  /** CPU time the process spent in the require: the work itself, which load on the machine hardly changes. */
  cpuMs: number;
}

/**
 * What a fresh Node process spends in `require(file)` — the part of a cold start that is the bundle's
 * (CloudBase adds starting the runtime and the instance). With `preload`, that module is required first
 * and not timed (the SDK, to see our own code's share). The median of `runs` processes, each figure on
 * its own, so one slow start on a busy machine does not decide it. Told it is on Tencent Cloud, the SDK
 * does not look for the metadata service while loading, so nothing leaves the machine.
 */
export function requireTimes(file: string, runs = 5, preload?: string): RequireTimes {
  const before = preload ? `require(${JSON.stringify(resolve(preload))});` : '';
  const script =
    `${before}const c=process.cpuUsage(),t=process.hrtime.bigint();require(${JSON.stringify(resolve(file))});` +
    'const u=process.cpuUsage(c);process.stdout.write(JSON.stringify([Number(process.hrtime.bigint()-t)/1e6,(u.user+u.system)/1e3]))';
  const samples = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, TENCENTCLOUD: 'true' } })) as [number, number]);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(runs / 2)];
  return { wallMs: median(samples.map((s) => s[0])), cpuMs: median(samples.map((s) => s[1])) };
}

export function requireMs(file: string, runs = 5, preload?: string): number {
  return requireTimes(file, runs, preload).wallMs;
}

export interface BundleFigures {
  /** Bytes loaded at start (index.js, the chunks it requires, and the SDK beside it). */
  bytes: number;
  /** Of those, @cloudbase/node-sdk's (cloudbase-sdk.js; 0 in a build from before the SDK was bundled). */
  sdkBytes: number;
  /** Files loaded later, when an action needs them, with their bytes. */
  lazy: Record<string, number>;
  /** The whole require, the SDK included, as a cold instance pays it. */
  require: RequireTimes;
  /** The same with the SDK already loaded: our own code's share. */
  own: RequireTimes;
}

/** The SDK as the functions carry it, beside each index.js (scripts/cloudbase-sdk-bundle.cjs). */
export const SDK_FILE = 'cloudbase-sdk.js';
/** The SDK as npm installs it, for comparison: what a function loaded when CloudBase installed the package. */
const INSTALLED_SDK = require.resolve('@cloudbase/node-sdk');

/** The SDK a built function requires: its own cloudbase-sdk.js, or, in an older build, the installed package. */
function sdkOf(dir: string): string {
  return existsSync(join(dir, SDK_FILE)) ? join(dir, SDK_FILE) : INSTALLED_SDK;
}

/**
 * Each bundle's size and require times; the SDK's own require time as the bundles carry it (`sdk`, null
 * without a build) and as npm installs it (`installedSdk`).
 */
export function functionBundleFigures(dir = 'dist/cloudfunctions', runs = 5): { bundles: Record<string, BundleFigures>; sdk: RequireTimes | null; installedSdk: RequireTimes } {
  const bundles: Record<string, BundleFigures> = {};
  const sizes = functionBundleSizes(dir);
  let bundledSdk: string | null = null;
  for (const [name, files] of Object.entries(functionBundleFiles(dir))) {
    const file = join(dir, name, 'index.js');
    const sdk = sdkOf(join(dir, name));
    if (sdk !== INSTALLED_SDK) bundledSdk ??= sdk;
    bundles[name] = { bytes: sizes[name] + (files.start[SDK_FILE] ?? 0), sdkBytes: files.start[SDK_FILE] ?? 0, lazy: files.lazy, require: requireTimes(file, runs), own: requireTimes(file, runs, sdk) };
  }
  return { bundles, sdk: bundledSdk ? requireTimes(bundledSdk, runs) : null, installedSdk: requireTimes(INSTALLED_SDK, runs) };
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
