import { defineConfig } from 'vitest/config'

// One config for every suite. e2e files start Chromium, so they get a longer timeout;
// the rest are plain Node tests against real SQLite files and real document bytes.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
})
