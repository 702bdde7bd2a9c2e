import { defineConfig } from 'vitest/config'

/** Browser tests: the real Node server and Debian's Chromium through playwright-core. */
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/e2e/**/*.e2e.ts'],
    testTimeout: 120_000,
    // A file's beforeAll starts the server (up to serverStartMs, test/helpers/node-server.ts)
    // and launches Chromium.
    hookTimeout: 240_000,
    fileParallelism: false,
  },
})
