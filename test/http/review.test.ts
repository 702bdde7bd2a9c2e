import { eq } from 'drizzle-orm'
import { createEmptyCard, fsrs, type Grade, generatorParameters, Rating } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { cardStates, reviewLogs } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

const minute = 60_000

async function setup(options: { perTopic?: number; settings?: Record<string, unknown> } = {}) {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  const ids = await seedDeck(t.db, { perTopic: options.perTopic ?? 10 })
  const user = await signUp(t.app)
  const put = await user.browser.request('/api/v1/settings', {
    method: 'PUT',
    json: { fuzz: false, timezone: 'UTC', ...options.settings },
  })
  expect(put.status).toBe(200)
  return { ...t, ids, user, clock }
}

type Next = {
  card: { id: string; kind: string; source: { file: string; line: number } } | null
  intervals: Record<string, string>
  intervalsMs: Record<string, number>
  remaining: { learning: number; review: number; new: number }
  shownAt: string
  nextDueAt?: string | null
}

async function next(browser: Browser, query = '?deck=docker'): Promise<Next> {
  const res = await browser.request(`/api/v1/review/next${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Next
}

async function answer(browser: Browser, body: Record<string, unknown>, key?: string) {
  return browser.request('/api/v1/reviews', {
    method: 'POST',
    json: body,
    headers: key ? { 'idempotency-key': key } : {},
  })
}

describe('the review queue', () => {
  it('serves new cards in note order up to the daily limit, then says when the next card is due', async () => {
    const { user } = await setup({ settings: { newCardsPerDay: 3 } })
    const first = await next(user.browser)
    expect(first.card?.id).toBe('docker-architecture-000')
    expect(first.remaining).toEqual({ learning: 0, review: 0, new: 3 })
    for (let i = 0; i < 3; i++) {
      const n = await next(user.browser)
      expect((await answer(user.browser, { cardId: n.card!.id, rating: 'easy' })).status).toBe(201)
    }
    const done = await next(user.browser)
    expect(done.card).toBeNull()
    expect(done.nextDueAt).toMatch(/^2026-01-/)
  })

  it('shows learning cards due now before reviews and new cards', async () => {
    const { user, clock } = await setup()
    const n = await next(user.browser)
    await answer(user.browser, { cardId: n.card!.id, rating: 'again' })
    clock.advance(2 * minute)
    const after = await next(user.browser)
    expect(after.card?.id).toBe(n.card!.id)
    expect(after.remaining.learning).toBe(1)
  })

  it('filters by topic', async () => {
    const { user } = await setup()
    const n = await next(user.browser, '?deck=docker&topic=cli')
    expect(n.card?.id).toBe('docker-cli-000')
  })

  it('rejects a malformed deck slug with a problem naming the field', async () => {
    const { user } = await setup()
    const res = await user.browser.request('/api/v1/review/next?deck=Bad%20Deck')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ field: 'deck' })
  })

  it('counts a review at 03:59 local time in the previous study day', async () => {
    // 2026-01-16 03:59 in Berlin is 02:59 UTC; the study day there starts at 04:00 local.
    const clock = createClock(Date.UTC(2026, 0, 16, 2, 59))
    const t = await createTestApp({ clock })
    await seedDeck(t.db)
    const user = await signUp(t.app)
    await user.browser.request('/api/v1/settings', {
      method: 'PUT',
      json: { fuzz: false, timezone: 'Europe/Berlin', dayStartsAt: 4, newCardsPerDay: 1 },
    })
    const n = await next(user.browser)
    await answer(user.browser, { cardId: n.card!.id, rating: 'easy' })
    expect((await next(user.browser)).card).toBeNull()
    clock.advance(2 * minute) // 04:01 local: a new study day, a new card allowed
    expect((await next(user.browser)).card).not.toBeNull()
  })
})

describe('answering', () => {
  it('schedules exactly as ts-fsrs does for the same history, with fuzz off', async () => {
    const { user, clock, db } = await setup()
    const f = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false, enable_short_term: true }))
    let card = createEmptyCard(new Date(clock.now))
    const ratings = ['good', 'good', 'again', 'good', 'easy', 'hard'] as const
    const grades: Record<(typeof ratings)[number], Grade> = {
      again: Rating.Again,
      hard: Rating.Hard,
      good: Rating.Good,
      easy: Rating.Easy,
    }
    for (const rating of ratings) {
      const res = await answer(user.browser, { cardId: 'docker-architecture-000', rating })
      expect(res.status).toBe(201)
      card = f.next(card, new Date(clock.now), grades[rating]).card
      const body = (await res.json()) as { card: { due: string; stability: number; reps: number } }
      expect(body.card.due).toBe(card.due.toISOString())
      expect(body.card.stability).toBeCloseTo(card.stability, 10)
      expect(body.card.reps).toBe(card.reps)
      clock.now = Math.max(clock.now + minute, card.due.getTime())
    }
    const [row] = await db.select().from(cardStates).where(eq(cardStates.cardId, 'docker-architecture-000'))
    expect(row?.difficulty).toBeCloseTo(card.difficulty, 10)
    expect(row?.lapses).toBe(card.lapses)
  })

  it('brings a card answered Hard on its second learning step back after that step, as Anki', async () => {
    const { user, clock } = await setup()
    const first = await next(user.browser)
    await answer(user.browser, { cardId: first.card!.id, rating: 'good', shownAt: first.shownAt })
    clock.advance(10 * minute)
    const second = await next(user.browser)
    expect(second.card?.id).toBe(first.card!.id)
    // Steps 1m 10m: the 10m step again, not ts-fsrs's first-step average of 6 minutes.
    expect(second.intervalsMs.hard).toBe(10 * minute)
    const res = await answer(user.browser, { cardId: second.card!.id, rating: 'hard', shownAt: second.shownAt })
    const body = (await res.json()) as { card: { due: string } }
    expect(Date.parse(body.card.due) - Date.parse(second.shownAt)).toBe(10 * minute)
  })

  it('previews the intervals that answering then gives', async () => {
    const { user } = await setup()
    const n = await next(user.browser)
    const res = await answer(user.browser, { cardId: n.card!.id, rating: 'good', shownAt: n.shownAt })
    const body = (await res.json()) as { card: { due: string } }
    expect(Date.parse(body.card.due) - Date.parse(n.shownAt)).toBe(n.intervalsMs.good)
    expect(n.intervals.good).toBe('10m')
  })

  it('replays a retry with the same Idempotency-Key and records one review', async () => {
    const { user, db } = await setup()
    const body = { cardId: 'docker-architecture-001', rating: 'good' }
    const first = await answer(user.browser, body, 'key-1')
    const second = await answer(user.browser, body, 'key-1')
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(await second.json()).toEqual(await first.json())
    expect(await db.select().from(reviewLogs)).toHaveLength(1)
  })

  it('answers 422 when an Idempotency-Key is reused with a different body', async () => {
    const { user, db } = await setup()
    await answer(user.browser, { cardId: 'docker-architecture-001', rating: 'good' }, 'key-2')
    const res = await answer(user.browser, { cardId: 'docker-architecture-001', rating: 'easy' }, 'key-2')
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({ code: 'idempotency_mismatch' })
    expect(await db.select().from(reviewLogs)).toHaveLength(1)
  })

  it('answers 409 with the current state when the card was answered in another tab since it was shown', async () => {
    const { user, clock, db } = await setup()
    const shown = await next(user.browser)
    clock.advance(1000)
    await answer(user.browser, { cardId: shown.card!.id, rating: 'good', shownAt: shown.shownAt })
    clock.advance(1000)
    const stale = await answer(user.browser, { cardId: shown.card!.id, rating: 'again', shownAt: shown.shownAt })
    expect(stale.status).toBe(409)
    const problem = (await stale.json()) as { code: string; current: { state: string; reps: number } }
    expect(problem.code).toBe('stale_state')
    expect(problem.current).toMatchObject({ state: 'learning', reps: 1 })
    expect(await db.select().from(reviewLogs)).toHaveLength(1)
  })

  it('never applies both of two concurrent answers for the same card', async () => {
    const { user, db } = await setup()
    const shown = await next(user.browser)
    await answer(user.browser, { cardId: shown.card!.id, rating: 'good' })
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        answer(user.browser, { cardId: shown.card!.id, rating: 'good' }, `race-${i}`),
      ),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true)
    const logs = await db.select().from(reviewLogs)
    const [state] = await db.select().from(cardStates)
    expect(logs).toHaveLength(1 + statuses.filter((s) => s === 201).length)
    expect(state?.reps).toBe(logs.length)
  })

  it('rejects a rating outside again/hard/good/easy and an unknown card', async () => {
    const { user, db } = await setup()
    const bad = await answer(user.browser, { cardId: 'docker-architecture-001', rating: 'great' })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ field: 'rating' })
    const unknown = await answer(user.browser, { cardId: 'nope', rating: 'good' })
    expect(unknown.status).toBe(404)
    expect(await db.select().from(reviewLogs)).toHaveLength(0)
  })

  it('requires a signed-in user or a token with the review scope', async () => {
    const { app, user } = await setup()
    expect((await app.request('/api/v1/review/next')).status).toBe(401)
    const created = await user.browser.request('/api/v1/tokens', {
      method: 'POST',
      json: { name: 'read only', scopes: ['progress:read'] },
    })
    const { token } = (await created.json()) as { token: string }
    const res = await app.request('/api/v1/review/next', { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ code: 'missing_scope', scope: 'review' })
  })
})

describe('undo', () => {
  it('restores due, stability, difficulty, reps and lapses exactly, several steps back', async () => {
    const { user, clock, db } = await setup()
    const snapshot = async () =>
      (await db.select().from(cardStates).where(eq(cardStates.cardId, 'docker-architecture-000')))[0]
    const history: unknown[] = []
    for (const rating of ['good', 'good', 'again'] as const) {
      history.push(await snapshot())
      await answer(user.browser, { cardId: 'docker-architecture-000', rating })
      clock.advance(15 * minute)
    }
    for (let i = history.length - 1; i >= 1; i--) {
      const res = await user.browser.request('/api/v1/reviews/undo', { method: 'POST' })
      expect(res.status).toBe(200)
      const { version: _v, updatedAt: _u, ...restored } = (await snapshot())!
      const {
        version: _v2,
        updatedAt: _u2,
        ...expected
      } = history[i] as typeof restored & { version: number; updatedAt: number }
      expect(restored).toEqual(expected)
    }
    const logs = await db.select().from(reviewLogs)
    expect(logs.filter((l) => l.undoneAt !== null)).toHaveLength(2)
  })

  it('answers 409 when there is nothing to undo', async () => {
    const { user } = await setup()
    const res = await user.browser.request('/api/v1/reviews/undo', { method: 'POST' })
    expect(res.status).toBe(409)
  })
})

describe('suspend, bury and leeches', () => {
  it('keeps a suspended card out of the queue until it is unsuspended', async () => {
    const { user } = await setup()
    const first = (await next(user.browser)).card!.id
    expect((await user.browser.request(`/api/v1/cards/${first}/suspend`, { method: 'POST' })).status).toBe(200)
    expect((await next(user.browser)).card!.id).not.toBe(first)
    await user.browser.request(`/api/v1/cards/${first}/unsuspend`, { method: 'POST' })
    expect((await next(user.browser)).card!.id).toBe(first)
  })

  it('buries a card until the next study day', async () => {
    const { user, clock } = await setup()
    const first = (await next(user.browser)).card!.id
    const res = await user.browser.request(`/api/v1/cards/${first}/bury`, { method: 'POST' })
    expect(((await res.json()) as { buriedUntil: string }).buriedUntil).toBe('2026-01-16T04:00:00.000Z')
    expect((await next(user.browser)).card!.id).not.toBe(first)
    clock.now = Date.UTC(2026, 0, 16, 4, 1)
    expect((await next(user.browser)).card!.id).toBe(first)
  })

  it('tags a card as a leech and suspends it at the 8th lapse', async () => {
    const { app, user, clock } = await setup()
    const cardId = 'docker-architecture-002'
    // Months pass between lapses, longer than a browser session lives: answer with a token.
    const created = await user.browser.request('/api/v1/tokens', {
      method: 'POST',
      json: { name: 'leech', expiresInDays: 365 },
    })
    const { token } = (await created.json()) as { token: string }
    type Answered = { card: { lapses: number; leech: boolean; suspended: boolean; due: string; state: string } }
    const rate = async (rating: string) => {
      const res = await app.request('/api/v1/reviews', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ cardId, rating }),
      })
      expect(res.status).toBe(201)
      return (await res.json()) as Answered
    }
    let last = await rate('easy')
    for (let lapse = 1; lapse <= 8; lapse++) {
      clock.now = Date.parse(last.card.due) // due again: forgotten
      last = await rate('again')
      expect(last.card.lapses).toBe(lapse)
      expect(last.card.leech).toBe(lapse === 8)
      expect(last.card.suspended).toBe(lapse === 8)
      if (lapse < 8) {
        clock.now = Date.parse(last.card.due)
        last = await rate('good')
        expect(last.card.state).toBe('review')
      }
    }
    const queue = await app.request('/api/v1/review/next', { headers: { authorization: `Bearer ${token}` } })
    expect(((await queue.json()) as Next).card?.id).not.toBe(cardId)
  })
})

describe('settings', () => {
  it('returns defaults, and refuses an out-of-range retention naming the field', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const defaults = (await (await browser.request('/api/v1/settings')).json()) as Record<string, unknown>
    expect(defaults).toMatchObject({
      desiredRetention: 0.9,
      newCardsPerDay: 20,
      dayStartsAt: 4,
      leechThreshold: 8,
      fuzz: true,
    })
    const res = await browser.request('/api/v1/settings', { method: 'PUT', json: { desiredRetention: 0.5 } })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ field: 'desiredRetention' })
    const zone = await browser.request('/api/v1/settings', { method: 'PUT', json: { timezone: 'Mars/Olympus' } })
    expect(zone.status).toBe(400)
  })
})
