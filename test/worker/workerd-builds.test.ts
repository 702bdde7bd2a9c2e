import { afterEach, describe, expect, it } from 'vitest'
import { type Unstable_DevWorker, unstable_dev } from 'wrangler'
import { randomSecret } from '../../src/security/secrets'

/**
 * The Worker comes in two builds, each with only its own database driver (docs/deploy.md): D1
 * (`src/worker.ts`, wrangler's `main`, whose flows test/worker/workerd.test.ts runs) and Turso
 * (`src/worker-libsql.ts`). Both are bundled by wrangler and started in workerd here; a deployment
 * that pairs a build with the other database's configuration is told which build to deploy.
 */
describe('the two Worker builds in workerd', () => {
  let worker: Unstable_DevWorker | undefined

  afterEach(async () => {
    await worker?.stop()
    worker = undefined
  })

  async function start(entry: string, vars: Record<string, string>, signingKey: string | null = randomSecret()) {
    worker = await unstable_dev(entry, {
      config: 'wrangler.toml',
      ip: '127.0.0.1',
      vars: signingKey === null ? vars : { SIGNING_KEY: signingKey, ...vars },
      logLevel: 'error',
      experimental: { disableExperimentalWarning: true, testMode: true },
    })
    return worker
  }

  it('the libSQL build sends its queries to DATABASE_URL over HTTP and reports a server that does not answer', async () => {
    // Port 9 (discard): nothing listens, so the client's HTTP request fails, not a missing setting.
    const w = await start('src/worker-libsql.ts', { DATABASE_URL: 'https://127.0.0.1:9' })
    const res = await w.fetch('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ status: 'unavailable', db: 'error' })
  }, 300_000)

  it('the libSQL build without DATABASE_URL answers 503 naming the secret', async () => {
    const w = await start('src/worker-libsql.ts', {})
    const res = await w.fetch('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ db: 'unconfigured', reason: expect.stringMatching(/DATABASE_URL/) })
  }, 300_000)

  it('the D1 build refuses a DATABASE_URL instead of ignoring it, naming the Turso build', async () => {
    const w = await start('src/worker.ts', { DATABASE_URL: 'libsql://example.turso.io' })
    const res = await w.fetch('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ db: 'unconfigured', reason: expect.stringMatching(/deploy:turso/) })
  }, 300_000)

  it('a build without SIGNING_KEY answers 503 naming the secret: isolates must share one key', async () => {
    const w = await start('src/worker.ts', {}, null)
    const res = await w.fetch('/api/v1/review/next')
    expect(res.status).toBe(503)
    expect(await res.json()).toMatchObject({ detail: expect.stringMatching(/wrangler secret put SIGNING_KEY/) })
  }, 300_000)
})
