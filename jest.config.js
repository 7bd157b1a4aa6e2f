/**
 * jest 29, one project per suite (`npx jest --selectProjects <name>` runs one).
 *
 * Every file goes through babel-jest with babel.config.js (babel-preset-taro, which under
 * NODE_ENV=test emits CommonJS for the running node and turns `import()` into `require`): types are
 * stripped, not checked — `npm run typecheck` does that. Timeouts live in tests/jest/*.setup.ts
 * because jest's `testTimeout` is global, not per project.
 */

/** Build output is never transformed (the CloudBase test requires the bundles in dist/). */
const notDist = '<rootDir>/dist/';

/**
 * Tests import describe/it/expect/jest from '@jest/globals', as they imported them from 'vitest'.
 * No globals also keeps @testing-library/react as it ran under vitest: it sees no global
 * beforeAll/afterEach, so no automatic cleanup (tests call cleanup()) and no act() environment.
 */
const common = { injectGlobals: false };

const node = {
  ...common,
  testEnvironment: 'node',
  moduleNameMapper: { '^@cloud/(.*)$': '<rootDir>/cloud/$1' },
  // Most server dependencies ship CommonJS, which jest picks through their `require` exports
  // (kysely, PGlite). PGlite's CommonJS build still loads node builtins with `import()`, which
  // jest's VM cannot run without --experimental-vm-modules; cookie 2 (fastify's inject, through
  // light-my-request) is ES modules only. Babel, with the same preset, makes both plain CommonJS.
  transform: {
    // compact: PGlite's files are over babel's 500 KB "pretty output" limit; nobody reads them.
    '/node_modules/@electric-sql/pglite/.+\\.cjs$': ['babel-jest', { compact: true }],
    '\\.[jt]sx?$': 'babel-jest',
  },
  transformIgnorePatterns: ['/node_modules/(?!(@electric-sql/pglite|cookie)/)', notDist],
};

module.exports = {
  projects: [
    {
      ...node,
      displayName: 'unit-cloud',
      testMatch: ['<rootDir>/cloud/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'unit-client',
      // jsdom plus the fetch API and the other Node globals the client code relies on.
      testEnvironment: '<rootDir>/tests/jest/jsdom-environment.js',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/tests/doubles/taro.ts',
        '^@tarojs/components$': '<rootDir>/tests/doubles/components.tsx',
        '^@/(.*)$': '<rootDir>/src/$1',
        '^@cloud/(.*)$': '<rootDir>/cloud/$1',
        '\\.(css|scss|sass|less)$': '<rootDir>/tests/doubles/style.ts',
      },
      // NutUI ships ES modules only: transform it like our code.
      transformIgnorePatterns: ['/node_modules/(?!@nutui/)', notDist],
    },
    {
      ...node,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/jest/integration.setup.ts'],
    },
    {
      ...node,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/jest/browser.setup.ts'],
      // One real server and Chromium at a time: these files run one after another.
      runner: '<rootDir>/tests/jest/serial-runner.js',
    },
    {
      ...node,
      displayName: 'weapp',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/jest/weapp.setup.ts'],
      // The bundled functions read the caller's OPENID from process.env: one file at a time.
      runner: '<rootDir>/tests/jest/serial-runner.js',
    },
  ],
};
