import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

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

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
