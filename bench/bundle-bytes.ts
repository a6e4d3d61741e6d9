// Where each cloud function bundle's bytes go, from esbuild's metafile (written by `npm run build:functions`
// to dist/bundle-meta): the inputs grouped by package or by our folder, largest first.
// `npm run bench:bundle-bytes` (every bundle) or `npm run bench:bundle-bytes -- requests audit`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kb } from './package-size';

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

export function bundleGroups(meta: Metafile): { bytes: number; groups: Array<[string, number]> } {
  const output = Object.values(meta.outputs)[0];
  const groups = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + bytesInOutput);
  return { bytes: output.bytes, groups: [...groups].sort((a, b) => b[1] - a[1]) };
}

if (require.main === module) {
  const dir = 'dist/bundle-meta';
  if (!existsSync(dir)) throw new Error('dist/bundle-meta is missing: run `npm run build:functions` first');
  const wanted = process.argv.slice(2);
  const names = readdirSync(dir).map((f) => f.replace(/\.json$/, '')).filter((n) => !wanted.length || wanted.includes(n));
  for (const name of names) {
    const { bytes, groups } = bundleGroups(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Metafile);
    console.log(`${name}: ${kb(bytes)}`);
    for (const [group, b] of groups.filter(([, b]) => b >= 1024)) console.log(`  ${kb(b).padStart(9)}  ${group}`);
  }
}
