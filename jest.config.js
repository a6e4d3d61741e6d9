/**
 * One jest run covers shared domain code, cloud functions over real SQLite,
 * page tests (jsdom, per-file docblock) and miniprogram-simulate tests.
 * Type errors are caught by `tsc` in `npm test`, so jest only strips types (esbuild).
 */

/**
 * The suites that read the H5 build (dist/h5): the end-to-end suites in Chromium, and two build checks.
 * `npm test` runs every other suite while the H5 build is still going, then these once it is done; it
 * picks one part with JEST_PART=without-h5 or JEST_PART=h5. Without it (plain `npx jest`) all run.
 */
const NEEDS_H5 = ['test/e2e/', 'test/build/app-shell.test.ts', 'test/build/weapp-build.test.ts'];
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PARTS = {
  'without-h5': { testPathIgnorePatterns: ['/node_modules/', ...NEEDS_H5.map((path) => `^${escape(`${__dirname}/${path}`)}`)] },
  h5: { testRegex: NEEDS_H5.map((path) => `^${escape(`${__dirname}/${path}`)}${path.endsWith('/') ? '.*\\.test\\.tsx?$' : '$'}`) },
};
const part = process.env.JEST_PART;
if (part && !PARTS[part]) throw new Error(`JEST_PART=${part}: expected one of ${Object.keys(PARTS).join(', ')}`);

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  ...(part === 'h5' ? PARTS.h5 : { testMatch: ['**/*.test.ts', '**/*.test.tsx'] }),
  ...(part === 'without-h5' ? PARTS['without-h5'] : {}),
  // The longest suites first, also on a fresh clone (see the sequencer).
  testSequencer: '<rootDir>/test/support/long-first-sequencer.cjs',
  // esbuild strips the types (see the transform for what it keeps of ts-jest's output).
  transform: {
    '^.+\\.tsx?$': '<rootDir>/test/support/esbuild-transform.cjs',
  },
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/test/support/taro-components.tsx',
    '^@tarojs/taro$': '<rootDir>/test/support/taro.ts',
    '\\.(css|scss)$': '<rootDir>/test/support/empty-style.ts',
  },
  testTimeout: 30000,
  // Jest's default keeps one core for its own process, which on the 2-core machines this runs on
  // means one suite at a time; the parent mostly waits, so both cores run suites.
  maxWorkers: 2,
};
