import { defineConfig } from 'vitest/config'

/** Browser tests: the real Node server and Debian's Chromium through playwright-core. */
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/e2e/**/*.e2e.ts'],
    // A test is a whole flow of page loads on a real server: under load on the shared 2-core
    // machine learn-ahead (which waits a minute by design) took 116 s, the review flow with
    // JavaScript off 93 s and own-deck 72 s, against the former 120 s.
    testTimeout: 240_000,
    // A file's beforeAll starts the server (up to serverStartMs, test/helpers/node-server.ts)
    // and launches Chromium.
    hookTimeout: 240_000,
    fileParallelism: false,
  },
})
