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
    // A page on a loaded 2-core CI machine can take seconds to answer; polls wait for the real outcome, and a
    // wrong outcome still fails, only later. (Vitest's own default is 1 s.)
    expect: { poll: { timeout: 15_000 } },
  },
})
