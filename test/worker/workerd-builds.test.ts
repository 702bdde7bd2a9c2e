import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type Unstable_DevWorker, unstable_dev } from 'wrangler'
import { scopes } from '../../src/auth/scopes'
import { randomSecret } from '../../src/security/secrets'
import { hasTursodb, startTursodb, type Tursodb } from '../helpers/tursodb'
import { runQuiz, takeExam, workerCaller } from '../helpers/worker-calls'

/**
 * The Worker comes in two builds, each with only its own database driver (docs/deploy.md): D1
 * (`src/worker.ts`, wrangler's `main`, whose flows test/worker/workerd.test.ts runs) and Turso
 * (`src/worker-libsql.ts`, whose flows run against tursodb below). Both are bundled by wrangler and
 * started in workerd here; a deployment that pairs a build with the other database's configuration
 * is told which build to deploy.
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

/**
 * The Turso build end to end: bundled by wrangler, run in workerd, its own Hrana client
 * (src/db/hrana-http.ts) sending every query over HTTP to a real libSQL server, `tursodb
 * --sync-server`, on a database migrated by the project's migrations and holding the Docker deck
 * synced by the project's content sync.
 */
describe.skipIf(!hasTursodb)('the Turso build in workerd against tursodb', { shuffle: false }, () => {
  let server: Tursodb
  let worker: Unstable_DevWorker

  beforeAll(async () => {
    server = await startTursodb('content')
    worker = await unstable_dev('src/worker-libsql.ts', {
      config: 'wrangler.toml',
      ip: '127.0.0.1',
      vars: { SIGNING_KEY: randomSecret(), DATABASE_URL: server.url },
      logLevel: 'error',
      experimental: { disableExperimentalWarning: true, testMode: true },
    })
  }, 300_000)

  afterAll(async () => {
    await worker?.stop()
    server?.stop()
  })

  let token = ''
  const call = workerCaller(
    () => worker,
    () => token,
  )
  const withKey = (key: string) => ({ 'idempotency-key': key })

  it('answers /healthz with the database reachable', async () => {
    expect(await call('/healthz')).toMatchObject({ status: 200, body: { status: 'ok', db: 'ok' } })
    // Every query went to the server's Hrana pipeline: nothing else is open to the build.
    expect(server.log()).toMatch(/POST \/v2\/pipeline/)
  })

  it('signs up, issues an API token, and answers the next card once (replayed, not written twice)', async () => {
    const signUp = await call('/api/v1/auth/register', {
      method: 'POST',
      json: { email: 'turso@example.com', password: 'correct horse battery staple', name: 'turso' },
    })
    expect(signUp.status, JSON.stringify(signUp.body)).toBe(201)
    const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    expect(cookie).toMatch(/dockdeck_session=/)
    const issued = await call('/api/v1/tokens', { method: 'POST', json: { name: 'workerd', scopes }, cookie })
    expect(issued.status, JSON.stringify(issued.body)).toBe(201)
    token = issued.body.token
    expect(token).toMatch(/^dd_/)

    const next = await call('/api/v1/review/next?deck=docker')
    expect(next.status, JSON.stringify(next.body)).toBe(200)
    const answer = {
      cardId: next.body.card.id,
      rating: 'good',
      shownAt: next.body.shownAt,
      snapshot: next.body.snapshot,
    }
    const first = await call('/api/v1/reviews', { method: 'POST', json: answer, headers: withKey('turso-1') })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body.card).toMatchObject({ cardId: answer.cardId, version: 1 })
    const replayed = await call('/api/v1/reviews', { method: 'POST', json: answer, headers: withKey('turso-1') })
    expect(replayed).toMatchObject({ status: 201, body: first.body })
    // The same card shown before that answer, under a new key: stale, nothing written.
    const stale = await call('/api/v1/reviews', { method: 'POST', json: answer, headers: withKey('turso-2') })
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale_state', current: { version: 1 } } })
    const logs = await call('/api/v1/reviews/export?format=json')
    expect((logs.body as { cardId: string }[]).map((log) => log.cardId)).toEqual([answer.cardId])
  })

  it('runs a quiz: an answer checked at once', async () => {
    await runQuiz(call)
  })

  it('takes a mock exam to its result, submitted once', async () => {
    await takeExam(call)
  })
})
