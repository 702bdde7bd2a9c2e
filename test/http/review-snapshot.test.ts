import { createClient } from '@libsql/client'
import { and, asc, eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import { describe, expect, it } from 'vitest'
import { recordingClient } from '../../bench/lib/recording-client'
import { cardStates, cards, decks, reviewLogs, schema } from '../../src/db/schema'
import { fromBase64Url, toBase64Url } from '../../src/security/encoding'
import { signValue } from '../../src/security/signing'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'
import { createTestDb } from '../helpers/db'

/**
 * The signed snapshot a card is shown with lets its answer be written in one round trip
 * (docs/deploy.md, "Round trips"). Whatever a snapshot claims, an answer must come out as the
 * read path would have made it, or not at all: each test below fails when the guard it names is
 * removed. A "twin" is a second user with the same settings and history who answers without a
 * snapshot (the read path), so the two users' rows must be equal.
 */
const minute = 60_000
const day = 86_400_000
const signingKey = 'review-snapshot-test-key-0123456789abcdef'
const settings = { fuzz: false, timezone: 'UTC', newCardsPerDay: 50 }

async function setup() {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const { url } = await createTestDb()
  const recorder = recordingClient(createClient({ url }))
  const db = drizzle(recorder.client, { schema })
  const t = await createTestApp({ clock, deps: { database: () => db, signingKey } })
  const ids = await seedDeck(db)
  const user = async (name = 'Ada') => {
    const u = await signUp(t.app, name)
    expect((await u.browser.request('/api/v1/settings', { method: 'PUT', json: settings })).status).toBe(200)
    return u
  }
  /** Database round trips of one request. */
  const trips = async <T>(request: () => Promise<T>) => {
    recorder.mark()
    const result = await request()
    const n = recorder.groups.at(-1)?.length ?? 0
    recorder.stop()
    return { result, trips: n }
  }
  return { ...t, db, clock, ids, user, trips }
}
type Setup = Awaited<ReturnType<typeof setup>>

const answer = (browser: Browser, body: Record<string, unknown>, key?: string) =>
  browser.request('/api/v1/reviews', {
    method: 'POST',
    json: body,
    headers: key ? { 'idempotency-key': key } : {},
  })

/** The snapshot the review page's answer side hands out for `cardId` (its hidden grade field). */
async function snapshotOf(browser: Browser, cardId: string, shownAt: string): Promise<string> {
  const res = await browser.request(`/review/answer?deck=docker&card=${cardId}&shownAt=${shownAt}`)
  expect(res.status).toBe(200)
  const value = /name="snapshot" value="([^"]+)"/.exec(await res.text())?.[1]
  expect(value).toBeTruthy()
  return value ?? ''
}

/** A user's state and logs for a card, without the columns that name the user or the row. */
async function rowsOf(t: Setup, userId: string, cardId: string) {
  const [state] = await t.db
    .select()
    .from(cardStates)
    .where(and(eq(cardStates.userId, userId), eq(cardStates.cardId, cardId)))
  const logs = await t.db
    .select()
    .from(reviewLogs)
    .where(and(eq(reviewLogs.userId, userId), eq(reviewLogs.cardId, cardId)))
    .orderBy(asc(reviewLogs.id))
  const { userId: _u, ...stateFields } = state ?? { userId: '' }
  return { state: state && stateFields, logs: logs.map(({ id: _i, userId: _v, ...log }) => log) }
}

/** The snapshot with `change` made to its state, its MAC kept (or made with another key, or purpose). */
function altered(
  snapshot: string,
  change: (state: Record<string, unknown>) => void,
  key?: string,
  purpose?: 'session',
) {
  const dot = snapshot.lastIndexOf('.')
  const json = new TextDecoder().decode(fromBase64Url(snapshot.slice(0, dot)))
  const payload = JSON.parse(json) as { state: Record<string, unknown> }
  change(payload.state)
  const text = toBase64Url(new TextEncoder().encode(JSON.stringify(payload)))
  return key ? signValue(key, purpose ?? 'review-snapshot', text) : `${text}${snapshot.slice(dot)}`
}

describe('an answer with the signed snapshot of the card it was shown with', () => {
  it('takes one round trip and writes exactly what the read path writes: state, log and body', async () => {
    const t = await setup()
    const [ada, twin] = [await t.user('Ada'), await t.user('Twin')]
    for (const [rating, wait] of [
      ['good', 0],
      ['again', 11 * minute],
      ['good', 2 * day],
    ] as const) {
      t.clock.advance(wait)
      const next = (await (await ada.browser.request('/api/v1/review/next?deck=docker')).json()) as {
        card: { id: string }
        shownAt: string
        snapshot: string
      }
      expect(next.card.id).toBe(t.ids[0])
      // The twin is shown the card too (which also refreshes its session's last use, as Ada's).
      expect((await twin.browser.request('/api/v1/review/next?deck=docker')).status).toBe(200)
      const body = { cardId: next.card.id, rating, shownAt: next.shownAt, durationMs: 1200 }
      const fast = await t.trips(() => answer(ada.browser, { ...body, snapshot: next.snapshot }, `k-${rating}-${wait}`))
      const read = await t.trips(() => answer(twin.browser, body, `k-${rating}-${wait}`))
      expect(fast.trips).toBe(1)
      expect(read.trips).toBe(2)
      expect(fast.result.status).toBe(201)
      expect(read.result.status).toBe(201)
      expect(await fast.result.json()).toEqual(await read.result.json())
      expect(await rowsOf(t, ada.userId, next.card.id)).toEqual(await rowsOf(t, twin.userId, next.card.id))
    }
    expect((await rowsOf(t, ada.userId, t.ids[0] ?? '')).logs).toHaveLength(3)
  })

  it('grades from the review page in one batch after the session lookup, as the API does', async () => {
    const t = await setup()
    const ada = await t.user()
    const shownAt = new Date(t.clock.now).toISOString()
    const snapshot = await snapshotOf(ada.browser, t.ids[0] ?? '', shownAt)
    const fields = { deck: 'docker', cardId: t.ids[0] ?? '', rating: 'good', shownAt, key: 'page-1', snapshot }
    const graded = await t.trips(() => ada.browser.submit('/review/grade', fields))
    expect(graded.result.status).toBe(303)
    expect(graded.trips).toBe(2)
    expect((await rowsOf(t, ada.userId, t.ids[0] ?? '')).logs).toHaveLength(1)
  })

  it('ignores a forged or altered snapshot and answers from the stored state', async () => {
    const t = await setup()
    const [ada, twin] = [await t.user('Ada'), await t.user('Twin')]
    const card = t.ids[0] ?? ''
    for (const u of [ada, twin]) expect((await answer(u.browser, { cardId: card, rating: 'again' })).status).toBe(201)
    t.clock.advance(day)
    const shownAt = new Date(t.clock.now).toISOString()
    const real = await snapshotOf(ada.browser, card, shownAt)
    const strong = (state: Record<string, unknown>) => {
      state.stability = 400
    }
    for (const [i, snapshot] of [
      altered(real, strong),
      altered(real, strong, 'another key entirely'),
      altered(real, strong, signingKey, 'session'),
    ].entries()) {
      const rating = (['hard', 'good', 'easy'] as const)[i]
      t.clock.advance(minute)
      const res = await answer(ada.browser, { cardId: card, rating, snapshot })
      expect((await answer(twin.browser, { cardId: card, rating })).status).toBe(201)
      expect(res.status).toBe(201)
      expect(await rowsOf(t, ada.userId, card)).toEqual(await rowsOf(t, twin.userId, card))
    }
  })

  it("ignores another user's snapshot of the same card at the same version", async () => {
    const t = await setup()
    const [ada, twin, bob] = [await t.user('Ada'), await t.user('Twin'), await t.user('Bob')]
    const card = t.ids[0] ?? ''
    for (const u of [ada, twin]) expect((await answer(u.browser, { cardId: card, rating: 'again' })).status).toBe(201)
    expect((await answer(bob.browser, { cardId: card, rating: 'easy' })).status).toBe(201)
    t.clock.advance(day)
    const bobs = await snapshotOf(bob.browser, card, new Date(t.clock.now).toISOString())
    expect((await answer(ada.browser, { cardId: card, rating: 'good', snapshot: bobs })).status).toBe(201)
    expect((await answer(twin.browser, { cardId: card, rating: 'good' })).status).toBe(201)
    expect(await rowsOf(t, ada.userId, card)).toEqual(await rowsOf(t, twin.userId, card))
  })

  it("ignores another card's snapshot at the same version", async () => {
    const t = await setup()
    const [ada, twin] = [await t.user('Ada'), await t.user('Twin')]
    const [x, y] = [t.ids[0] ?? '', t.ids[1] ?? '']
    for (const u of [ada, twin]) {
      expect((await answer(u.browser, { cardId: x, rating: 'again' })).status).toBe(201)
      expect((await answer(u.browser, { cardId: y, rating: 'easy' })).status).toBe(201)
    }
    t.clock.advance(day)
    const ys = await snapshotOf(ada.browser, y, new Date(t.clock.now).toISOString())
    expect((await answer(ada.browser, { cardId: x, rating: 'good', snapshot: ys })).status).toBe(201)
    expect((await answer(twin.browser, { cardId: x, rating: 'good' })).status).toBe(201)
    expect(await rowsOf(t, ada.userId, x)).toEqual(await rowsOf(t, twin.userId, x))
  })

  it('writes nothing from an older version: the card answered in another tab since is a 409', async () => {
    const t = await setup()
    const ada = await t.user()
    const card = t.ids[0] ?? ''
    expect((await answer(ada.browser, { cardId: card, rating: 'again' })).status).toBe(201)
    t.clock.advance(day)
    const shownAt = new Date(t.clock.now).toISOString()
    const stale = await snapshotOf(ada.browser, card, shownAt)
    t.clock.advance(minute)
    expect((await answer(ada.browser, { cardId: card, rating: 'easy' })).status).toBe(201)
    const before = await rowsOf(t, ada.userId, card)
    t.clock.advance(minute)
    const res = await answer(ada.browser, { cardId: card, rating: 'again', shownAt, snapshot: stale })
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ code: 'stale_state', current: { version: 2 } })
    expect(await rowsOf(t, ada.userId, card)).toEqual(before)
  })

  it('schedules with the settings in force: a snapshot from before a settings change is not used', async () => {
    const t = await setup()
    const [ada, twin] = [await t.user('Ada'), await t.user('Twin')]
    const card = t.ids[0] ?? ''
    for (const u of [ada, twin]) expect((await answer(u.browser, { cardId: card, rating: 'easy' })).status).toBe(201)
    t.clock.advance(6 * day)
    const old = await snapshotOf(ada.browser, card, new Date(t.clock.now).toISOString())
    for (const u of [ada, twin])
      expect(
        (await u.browser.request('/api/v1/settings', { method: 'PUT', json: { desiredRetention: 0.75 } })).status,
      ).toBe(200)
    expect((await answer(ada.browser, { cardId: card, rating: 'good', snapshot: old })).status).toBe(201)
    expect((await answer(twin.browser, { cardId: card, rating: 'good' })).status).toBe(201)
    expect(await rowsOf(t, ada.userId, card)).toEqual(await rowsOf(t, twin.userId, card))
  })

  it('answers 401 and writes nothing when the session holding a valid snapshot was signed out', async () => {
    const t = await setup()
    const ada = await t.user()
    const card = t.ids[0] ?? ''
    const snapshot = await snapshotOf(ada.browser, card, new Date(t.clock.now).toISOString())
    const cookie = ada.browser.cookies.get('dockdeck_session') ?? ''
    expect((await ada.browser.request('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204)
    ada.browser.cookies.set('dockdeck_session', cookie)
    const res = await answer(ada.browser, { cardId: card, rating: 'good', snapshot }, 'after-sign-out')
    expect(res.status).toBe(401)
    expect(await rowsOf(t, ada.userId, card)).toEqual({ state: undefined, logs: [] })
  })

  it('answers 404 and writes nothing for a card retired since it was shown', async () => {
    const t = await setup()
    const ada = await t.user()
    const card = t.ids[0] ?? ''
    const snapshot = await snapshotOf(ada.browser, card, new Date(t.clock.now).toISOString())
    await t.db.update(cards).set({ retiredAt: t.clock.now }).where(eq(cards.id, card))
    const res = await answer(ada.browser, { cardId: card, rating: 'good', snapshot })
    expect(res.status).toBe(404)
    expect(await rowsOf(t, ada.userId, card)).toEqual({ state: undefined, logs: [] })
  })

  it("answers 404 and writes nothing for a team deck's card once its holder left the team", async () => {
    const t = await setup()
    const [olivia, max] = [await t.user('Olivia'), await t.user('Max')]
    const team = (await (
      await olivia.browser.request('/api/v1/teams', { method: 'POST', json: { name: 'Ops' } })
    ).json()) as {
      id: string
    }
    const invite = (await (
      await olivia.browser.request(`/api/v1/teams/${team.id}/invites`, { method: 'POST', json: {} })
    ).json()) as { code: string }
    expect((await max.browser.request(`/api/v1/invites/${invite.code}/accept`, { method: 'POST' })).status).toBe(200)
    const [card] = await seedDeck(t.db, { deck: 'ops', topics: ['runbooks'], perTopic: 2 })
    await t.db.update(decks).set({ teamId: team.id }).where(eq(decks.slug, 'ops'))
    const shownAt = new Date(t.clock.now).toISOString()
    const res = await max.browser.request(`/review/answer?deck=ops&card=${card}&shownAt=${shownAt}`)
    const snapshot = /name="snapshot" value="([^"]+)"/.exec(await res.text())?.[1]
    expect(snapshot).toBeTruthy()
    const left = await olivia.browser.request(`/api/v1/teams/${team.id}/members/${max.userId}`, { method: 'DELETE' })
    expect(left.status).toBeLessThan(300)
    const after = await answer(max.browser, { cardId: card, rating: 'good', snapshot })
    expect(after.status).toBe(404)
    expect(await rowsOf(t, max.userId, card ?? '')).toEqual({ state: undefined, logs: [] })
  })

  it('replays the stored response to a retry with the snapshot, in one round trip, with one log', async () => {
    const t = await setup()
    const ada = await t.user()
    const card = t.ids[0] ?? ''
    const snapshot = await snapshotOf(ada.browser, card, new Date(t.clock.now).toISOString())
    const body = { cardId: card, rating: 'good', snapshot }
    const first = await answer(ada.browser, body, 'retry-me')
    expect(first.status).toBe(201)
    t.clock.advance(minute)
    const retry = await t.trips(() => answer(ada.browser, body, 'retry-me'))
    expect(retry.trips).toBe(1)
    expect(retry.result.status).toBe(201)
    expect(await retry.result.json()).toEqual(await first.json())
    expect((await rowsOf(t, ada.userId, card)).logs).toHaveLength(1)
  })

  it("refuses a used key sent with another card's snapshot (422) and writes nothing for that card", async () => {
    const t = await setup()
    const ada = await t.user()
    const [x, y] = [t.ids[0] ?? '', t.ids[1] ?? '']
    const shownAt = new Date(t.clock.now).toISOString()
    const [sx, sy] = [await snapshotOf(ada.browser, x, shownAt), await snapshotOf(ada.browser, y, shownAt)]
    expect((await answer(ada.browser, { cardId: x, rating: 'good', snapshot: sx }, 'one-key')).status).toBe(201)
    const reused = await answer(ada.browser, { cardId: y, rating: 'good', snapshot: sy }, 'one-key')
    expect(reused.status).toBe(422)
    expect(await reused.json()).toMatchObject({ code: 'idempotency_mismatch' })
    expect(await rowsOf(t, ada.userId, y)).toEqual({ state: undefined, logs: [] })
  })

  it('refuses a snapshot that is not one, naming the field', async () => {
    const t = await setup()
    const ada = await t.user()
    for (const snapshot of ['x'.repeat(5000), 'no signature', 42]) {
      const res = await answer(ada.browser, { cardId: t.ids[0], rating: 'good', snapshot })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ code: 'validation_failed', field: 'snapshot' })
    }
  })
})
