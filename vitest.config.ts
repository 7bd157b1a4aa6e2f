import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = __dirname;
const r = (p: string) => path.join(root, p);

/**
 * One runner, four projects:
 * - unit-cloud: contract and domain rules in node
 * - unit-client: components and stores in jsdom, with @tarojs/* mapped to small test doubles
 * - integration: handlers over a real database (PGlite in-process and the local PostgreSQL server)
 * - browser: real Chromium against the H5 build served by the real local server
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { '@cloud': r('cloud') } },
        test: {
          name: 'unit-cloud',
          environment: 'node',
          include: ['cloud/**/*.test.ts'],
        },
      },
      {
        resolve: {
          alias: [
            { find: /^@tarojs\/taro$/, replacement: r('tests/doubles/taro.ts') },
            { find: /^@tarojs\/components$/, replacement: r('tests/doubles/components.tsx') },
            { find: /^@\//, replacement: r('src') + '/' },
            { find: /^@cloud\//, replacement: r('cloud') + '/' },
          ],
        },
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'unit-client',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          server: { deps: { inline: [/@nutui/] } },
        },
      },
      {
        resolve: { alias: { '@cloud': r('cloud') } },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        resolve: { alias: { '@cloud': r('cloud') } },
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
