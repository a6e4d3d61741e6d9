/**
 * One jest run covers shared domain code, cloud functions over real SQLite,
 * page tests (jsdom, per-file docblock) and miniprogram-simulate tests.
 * Type errors are caught by `tsc` in `npm test`, so jest only strips types (esbuild).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
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
