/**
 * One jest run covers shared domain code, cloud functions over real SQLite,
 * page tests (jsdom, per-file docblock) and miniprogram-simulate tests.
 * Type errors are caught by `tsc` in `npm test`, so ts-jest only transpiles.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        tsconfig: { isolatedModules: true, module: 'commonjs', jsx: 'react-jsx', esModuleInterop: true, target: 'ES2020' },
      },
    ],
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
