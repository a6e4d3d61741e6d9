// Where each cloud function bundle's bytes go, from esbuild's metafile (written by `npm run build:functions`
// to dist/bundle-meta): the inputs grouped by package or by our folder, largest first.
// `npm run bench:bundle-bytes` (every bundle) or `npm run bench:bundle-bytes -- requests audit`.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { functionBundleFiles, kb, SDK_FILE } from './package-size';

interface Metafile {
  inputs: Record<string, { imports: Array<{ path: string }> }>;
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

/** A package (node_modules/<name>, zod by its v4 part) or our folder two levels deep (shared/requests). */
export function groupOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] !== 'node_modules') return parts.slice(0, 2).join('/');
  const name = parts[1].startsWith('@') ? parts.slice(1, 3).join('/') : parts[1];
  if (name === 'zod') return parts.slice(1, 4).join('/');
  return name;
}

/** The inputs of some of a bundle's output files (by file name), grouped, largest first. */
export function bundleGroups(meta: Metafile, files: string[]): { bytes: number; groups: Array<[string, number]> } {
  const groups = new Map<string, number>();
  let bytes = 0;
  for (const [path, output] of Object.entries(meta.outputs)) {
    if (!files.includes(basename(path))) continue;
    bytes += output.bytes;
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) groups.set(groupOf(input), (groups.get(groupOf(input)) ?? 0) + bytesInOutput);
  }
  return { bytes, groups: [...groups].sort((a, b) => b[1] - a[1]) };
}

if (require.main === module) {
  const dir = 'dist/bundle-meta';
  if (!existsSync(dir)) throw new Error('dist/bundle-meta is missing: run `npm run build:functions` first');
  const wanted = process.argv.slice(2);
  const bundles = functionBundleFiles('dist/cloudfunctions');
  for (const name of Object.keys(bundles).filter((n) => !wanted.length || wanted.includes(n))) {
    const meta = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Metafile;
    // Bytes before minifying the CommonJS form: the groups add up to about the files' sizes, not exactly.
    const parts: Array<[string, string[]]> = [['at start', Object.keys(bundles[name].start)], ...Object.keys(bundles[name].lazy).map((f): [string, string[]] => [`later, ${f}`, [f]])];
    for (const [label, files] of parts) {
      const { bytes, groups } = bundleGroups(meta, files);
      console.log(`${name} ${label}: ${kb(bytes)}`);
      for (const [group, b] of groups.filter(([, b]) => b >= 1024)) console.log(`  ${kb(b).padStart(9)}  ${group}`);
    }
  }
  // The SDK, the same file beside every function and loaded at its start (scripts/cloudbase-sdk-bundle.cjs).
  const sdkMeta = join(dir, SDK_FILE.replace(/\.js$/, '.json'));
  if (existsSync(sdkMeta) && (!wanted.length || wanted.includes('cloudbase-sdk'))) {
    const { bytes, groups } = bundleGroups(JSON.parse(readFileSync(sdkMeta, 'utf8')) as Metafile, [SDK_FILE]);
    console.log(`${SDK_FILE} (every function, at start): ${kb(bytes)}`);
    for (const [group, b] of groups.filter(([, b]) => b >= 1024)) console.log(`  ${kb(b).padStart(9)}  ${group}`);
  }
}
