import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Unstable_DevWorker, unstable_dev } from 'wrangler'
import { scopes } from '../../src/auth/scopes'
import { prepareLocalD1 } from '../../src/cli/local-d1'
import { randomSecret } from '../../src/security/secrets'
import { runQuiz, takeExam, workerCaller } from '../helpers/worker-calls'

/**
 * The real Worker, bundled by wrangler and run in workerd, on a real SQL engine: the local D1
 * database (SQLite inside workerd), migrated by `wrangler d1 migrations apply` and holding the
 * Docker deck synced through a D1 binding. Every main flow goes through it end to end.
 */
// Steps of one session: later tests use the token the sign-up step made, and the rate-limit
// test spends the address's sign-in quota, so it comes last.
describe('the Worker in workerd on D1', { shuffle: false }, () => {
  let worker: Unstable_DevWorker
  let persistTo: string

  beforeAll(async () => {
    persistTo = mkdtempSync(join(tmpdir(), 'dockdeck-d1-'))
    const synced = await prepareLocalD1(persistTo)
    expect(synced.cards).toBeGreaterThan(100)
    worker = await unstable_dev('src/worker.ts', {
      config: 'wrangler.toml',
      ip: '127.0.0.1',
      persistTo,
      vars: { SIGNING_KEY: randomSecret() },
      logLevel: 'error',
      experimental: { disableExperimentalWarning: true, testMode: true },
    })
  }, 300_000)

  afterAll(async () => {
    await worker?.stop()
    if (persistTo) rmSync(persistTo, { recursive: true, force: true })
  })

  let token = ''
  const call = workerCaller(
    () => worker,
    () => token,
  )

  async function signUp(email: string): Promise<{ cookie: string; id: string }> {
    const res = await worker.fetch('/api/v1/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery staple', name: email.split('@')[0] }),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    expect(cookie).toMatch(/dockdeck_session=/)
    return { cookie, id: ((await res.json()) as { id: string }).id }
  }

  async function tokenFor(cookie: string): Promise<string> {
    const res = await worker.fetch('/api/v1/tokens', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'workerd', scopes }),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const body = (await res.json()) as { token: string }
    expect(body.token).toMatch(/^dd_/)
    return body.token
  }

  it('answers /healthz with the database reachable', async () => {
    const res = await call('/healthz')
    expect(res).toMatchObject({ status: 200, body: { status: 'ok', db: 'ok' } })
  })

  it('signs up, issues a token, and reviews: next card, answer, replayed answer, undo', async () => {
    const owner = await signUp('owner@example.com')
    token = await tokenFor(owner.cookie)

    const next = await call('/api/v1/review/next?deck=docker')
    expect(next.status).toBe(200)
    const card = next.body.card as { id: string }
    expect(card.id).toBeTruthy()

    const answer = { cardId: card.id, rating: 'good' }
    const first = await call('/api/v1/reviews', { method: 'POST', json: answer, headers: { 'idempotency-key': 'k-1' } })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    // The idempotency record is written in the same changes()-guarded D1 batch as the log.
    const replayed = await call('/api/v1/reviews', {
      method: 'POST',
      json: answer,
      headers: { 'idempotency-key': 'k-1' },
    })
    expect(replayed.body).toEqual(first.body)

    const undo = await call('/api/v1/reviews/undo', { method: 'POST' })
    expect(undo.status, JSON.stringify(undo.body)).toBe(200)
    const again = await call('/api/v1/reviews/undo', { method: 'POST' })
    expect(again).toMatchObject({ status: 409, body: { code: 'conflict' } })
    const restored = await call('/api/v1/review/next?deck=docker')
    expect(restored.body.card.id).toBe(card.id)

    const progress = await call('/api/v1/progress?deck=docker')
    expect(progress.status, JSON.stringify(progress.body)).toBe(200)
  })

  it('answers from the snapshot the next card came with, in the one D1 batch of a session cookie', async () => {
    const ada = await signUp('snapshot@example.com')
    const asAda = (
      path: string,
      { key, ...init }: { method?: string; json?: unknown; key?: string; cookie?: string } = {},
    ) => call(path, { ...init, cookie: init.cookie ?? ada.cookie, headers: key ? { 'idempotency-key': key } : {} })
    const next = await asAda('/api/v1/review/next?deck=docker')
    expect(next.body.snapshot).toMatch(/^[\w-]+\.[\w-]{43}$/)
    const answer = {
      cardId: next.body.card.id,
      rating: 'good',
      shownAt: next.body.shownAt,
      snapshot: next.body.snapshot,
    }
    const first = await asAda('/api/v1/reviews', { method: 'POST', json: answer, key: 'snap-1' })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body.card).toMatchObject({ cardId: answer.cardId, version: 1 })
    const replayed = await asAda('/api/v1/reviews', { method: 'POST', json: answer, key: 'snap-1' })
    expect(replayed).toMatchObject({ status: 201, body: first.body })
    // The card has moved on since that snapshot: nothing is written from it, the read path says 409.
    const stale = await asAda('/api/v1/reviews', { method: 'POST', json: answer, key: 'snap-2' })
    expect(stale).toMatchObject({ status: 409, body: { code: 'stale_state', current: { version: 1 } } })

    const shown = await asAda('/api/v1/review/next?deck=docker')
    expect((await asAda('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204)
    const signedOut = await asAda('/api/v1/reviews', {
      method: 'POST',
      json: { cardId: shown.body.card.id, rating: 'good', snapshot: shown.body.snapshot },
    })
    expect(signedOut.status).toBe(401)
    const login = await worker.fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'snapshot@example.com', password: 'correct horse battery staple' }),
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    const logs = await asAda('/api/v1/reviews/export?format=json', { cookie })
    expect(logs.status).toBe(200)
    expect((logs.body as { cardId: string }[]).map((log) => log.cardId)).toEqual([answer.cardId])
  })

  it('writes one log per acknowledged answer when answers to one card race (changes()-guarded batch)', async () => {
    const { card } = (await call('/api/v1/review/next?deck=docker')).body as { card: { id: string } }
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call('/api/v1/reviews', {
          method: 'POST',
          json: { cardId: card.id, rating: 'good' },
          headers: { 'idempotency-key': `race-${i}` },
        }),
      ),
    )
    // On a real clock a racer can read the state after a racer that started later wrote it: its
    // answer is then the earlier one, kept in the history as superseded (docs/review.md).
    const outcomes = answers.map((a) => (a.status === 201 ? 'applied' : `${a.status} ${a.body.code}`))
    expect(outcomes.filter((o) => !['applied', '409 stale_state', '409 answered_later_elsewhere'].includes(o))).toEqual(
      [],
    )
    const acknowledged = outcomes.filter((o) => o === 'applied').length
    const superseded = outcomes.filter((o) => o === '409 answered_later_elsewhere').length
    expect(acknowledged).toBeGreaterThan(0)
    const exported = await worker.fetch('/api/v1/reviews/export?format=json', {
      headers: { authorization: `Bearer ${token}` },
    })
    const logs = ((await exported.json()) as { cardId: string; origin: string; undoneAt?: string | null }[]).filter(
      (log) => log.cardId === card.id && !log.undoneAt,
    )
    expect(logs.filter((log) => log.origin !== 'superseded')).toHaveLength(acknowledged)
    expect(logs.filter((log) => log.origin === 'superseded')).toHaveLength(superseded)
  })

  it('answers 501 to a fit of FSRS parameters, naming the command that runs it against the database', async () => {
    const res = await call('/api/v1/settings/optimize', { method: 'POST' })
    expect(res).toMatchObject({ status: 501, body: { code: 'not_implemented' } })
    expect(res.body.detail).toContain('npm run fsrs:optimize -- --email')
  })

  it('runs a quiz: each answer checked at once', async () => {
    await runQuiz(call)
  })

  it('searches cards with FTS5 in D1 (indexed by the triggers as the deck synced) and undoes a bulk suspend', async () => {
    const found = await call('/api/v1/cards?q=containerd&limit=5')
    expect(found.status, JSON.stringify(found.body)).toBe(200)
    expect(found.body.total).toBeGreaterThan(0)
    const ids = (found.body.cards as { id: string }[]).map((c) => c.id)
    const suspended = await call('/api/v1/cards/actions', { method: 'POST', json: { action: 'suspend', ids } })
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(201)
    expect((await call('/api/v1/cards?state=suspended&limit=200')).body.total).toBe(ids.length)
    const undone = await call(`/api/v1/cards/actions/${suspended.body.id}/undo`, { method: 'POST' })
    expect(undone.status, JSON.stringify(undone.body)).toBe(200)
    expect((await call('/api/v1/cards?state=suspended')).body.total).toBe(0)
    const info = await call(`/api/v1/cards/${ids[0]}`)
    expect(info.status).toBe(200)
  })

  it('takes a mock exam to its result', async () => {
    await takeExam(call)
  })

  it('runs a team check to its results, with an invited member', async () => {
    const team = await call('/api/v1/teams', { method: 'POST', json: { name: 'Platform' } })
    expect(team.status, JSON.stringify(team.body)).toBe(201)
    const invite = await call(`/api/v1/teams/${team.body.id}/invites`, { method: 'POST', json: {} })
    expect(invite.status, JSON.stringify(invite.body)).toBe(201)
    const check = await call(`/api/v1/teams/${team.body.id}/checks`, {
      method: 'POST',
      json: { title: 'Engine basics', deck: 'docker', questionCount: 4 },
    })
    expect(check.status, JSON.stringify(check.body)).toBe(201)

    const ownerToken = token
    const member = await signUp('member@example.com')
    token = await tokenFor(member.cookie)
    const joined = await call(`/api/v1/invites/${invite.body.code}/accept`, { method: 'POST' })
    expect(joined.status, JSON.stringify(joined.body)).toBeLessThan(300)

    for (const who of [token, ownerToken]) {
      token = who
      const view = await call(`/api/v1/checks/${check.body.id}`)
      expect(view.status, JSON.stringify(view.body)).toBe(200)
      const answers = (view.body.questions as { id: string; options?: { id: string }[] }[]).map((q) => ({
        questionId: q.id,
        choice: q.options?.[0]?.id ?? 'docker ps',
      }))
      const submitted = await call(`/api/v1/checks/${check.body.id}/submissions`, { method: 'POST', json: { answers } })
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(201)
    }
    const results = await call(`/api/v1/checks/${check.body.id}/results`)
    expect(results.status, JSON.stringify(results.body)).toBe(200)
    expect(results.body.members).toHaveLength(2)
  })

  // Last: it spends this address's sign-in quota for the minute.
  it("counts rate limits with Cloudflare's binding, declared in wrangler.toml, not the isolate's memory", async () => {
    const api = await call('/api/v1/settings')
    expect(api.status).toBe(200)
    expect(api.headers.get('ratelimit-policy')).toBe('"user";q=600;w=60')
    // The binding does not say how many requests are left; the memory limiter would.
    expect(api.headers.get('ratelimit')).toBeNull()
    // The binding counts in fixed windows of the wall-clock minute (miniflare: a bucket per
    // floor(Date.now() / 60 s), emptied when the minute turns). A burst that straddles a
    // window's end starts counting again halfway and needs up to 30 more posts. Start it in a
    // window with time to spare, as the posts take well under a second.
    const leftInWindow = 60_000 - (Date.now() % 60_000)
    if (leftInWindow < 15_000) await new Promise((resolve) => setTimeout(resolve, leftInWindow + 100))
    const statuses: number[] = []
    for (let i = 0; i < 40 && !statuses.includes(429); i++) {
      const res = await worker.fetch('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      await res.arrayBuffer()
      statuses.push(res.status)
    }
    // The sign-ups above spent part of the 30 a minute: a refusal comes within 30 posts.
    expect(statuses.at(-1)).toBe(429)
    expect(statuses.length).toBeLessThanOrEqual(31)
    expect(statuses.slice(0, -1).every((status) => status === 400)).toBe(true)
  })
})
