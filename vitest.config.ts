import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI bundle is built once so spawn tests run what users run.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
