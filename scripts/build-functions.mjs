// Bundles each cloud function for CloudBase: dist/cloudfunctions/<name>/index.js + package.json.
// The shared contract, domain code, zod and dayjs are bundled in; @cloudbase/node-sdk is left
// as a dependency for CloudBase to install ("云端安装依赖"), as its docs recommend.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const names = readdirSync('cloudfunctions', { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join('cloudfunctions', d.name, 'index.ts')))
  .map((d) => d.name);

rmSync('dist/cloudfunctions', { recursive: true, force: true });
for (const name of names) {
  const outdir = join('dist/cloudfunctions', name);
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join('cloudfunctions', name, 'index.ts')],
    outfile: join(outdir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    external: ['@cloudbase/node-sdk'],
    logLevel: 'warning',
  });
  // A function's CloudBase config (timer triggers, open-API permissions) travels with it.
  const config = join('cloudfunctions', name, 'config.json');
  if (existsSync(config)) copyFileSync(config, join(outdir, 'config.json'));
  writeFileSync(
    join(outdir, 'package.json'),
    JSON.stringify(
      {
        name: `sunshine-gov-${name}`,
        version: pkg.version,
        private: true,
        main: 'index.js',
        dependencies: { '@cloudbase/node-sdk': pkg.dependencies['@cloudbase/node-sdk'] },
      },
      null,
      2,
    ) + '\n',
  );
}
console.log(`bundled ${names.length} cloud functions: ${names.join(', ')}`);
