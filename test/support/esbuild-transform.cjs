// Jest transform for the TypeScript sources: esbuild's transform (already a dependency for the
// function bundles) instead of ts-jest. Types are checked by `tsc` in `npm test`, so jest only
// needs the types stripped, and ts-jest spent most of a cold run loading the TypeScript compiler
// into every worker and transpiling each file with it.
//
// The output keeps what the suites were written against with ts-jest: CommonJS modules, the
// automatic React JSX runtime, ES2020 with class fields assigned in the constructor, and default
// imports of CommonJS packages working as with `esModuleInterop`. `import()` becomes a
// `require()` behind a promise, because jest runs suites in a vm without ES module support.
// esbuild does not hoist `jest.mock` calls above the imports as ts-jest does; no suite uses
// `jest.mock`, and one that does will need a babel step added here.
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const esbuild = require('esbuild');

const OPTIONS = {
  format: 'cjs',
  target: 'es2020',
  jsx: 'automatic',
  supported: { 'dynamic-import': false },
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
  sourcemap: true,
  sourcesContent: false,
  logLevel: 'silent',
};

const SELF = createHash('sha256')
  .update(readFileSync(__filename))
  .update(esbuild.version)
  .digest('hex');

module.exports = {
  process(source, filename) {
    const loader = filename.endsWith('.tsx') ? 'tsx' : filename.endsWith('.ts') ? 'ts' : 'js';
    const { code, map } = esbuild.transformSync(source, { ...OPTIONS, loader, sourcefile: filename });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(SELF).update('\0').update(filename).update('\0').update(source).digest('hex');
  },
};
