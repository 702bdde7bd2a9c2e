import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cardStates, reviewLogs } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

async function setup() {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  const ids = await seedDeck(t.db, { perTopic: 5 })
  const user = await signUp(t.app)
  const put = await user.browser.request('/api/v1/settings', { method: 'PUT', json: { fuzz: false, timezone: 'UTC' } })
  expect(put.status).toBe(200)
  const [card, other] = ids as [string, string]
  const logsOf = (cardId: string) =>
    t.db
      .select()
      .from(reviewLogs)
      .where(and(eq(reviewLogs.userId, user.userId), eq(reviewLogs.cardId, cardId)))
      .orderBy(asc(reviewLogs.id))
  const stateOf = async (cardId: string) =>
    (
      await t.db
        .select()
        .from(cardStates)
        .where(and(eq(cardStates.userId, user.userId), eq(cardStates.cardId, cardId)))
    )[0]
  return { ...t, clock, user, card, other, logsOf, stateOf }
}

function answer(browser: Browser, body: Record<string, unknown>, key?: string) {
  return browser.request('/api/v1/reviews', {
    method: 'POST',
    json: body,
    headers: key ? { 'idempotency-key': key } : {},
  })
}

const at = (ms: number) => new Date(ms).toISOString()

describe('answers made offline (answeredAt)', () => {
  it('schedules an answer at the time it was made, not the time it arrived', async () => {
    const { user, card, clock, stateOf, logsOf } = await setup()
    const madeAt = clock.now - 3 * hour
    const res = await answer(user.browser, { cardId: card, rating: 'good', answeredAt: at(madeAt) }, 'k-1')
    expect(res.status).toBe(201)
    expect((await res.json()).review.reviewedAt).toBe(at(madeAt))
    const state = await stateOf(card)
    expect(state?.lastReview).toBe(madeAt)
    const [log] = await logsOf(card)
    expect(log?.reviewedAt).toBe(madeAt)
    expect(log?.origin).toBe('review')
  })

  it('refuses an answeredAt in the future, naming the field', async () => {
    const { user, card, clock, logsOf } = await setup()
    const res = await answer(user.browser, { cardId: card, rating: 'good', answeredAt: at(clock.now + 10 * minute) })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const problem = await res.json()
    expect(problem.field).toBe('answeredAt')
    expect(problem.detail).toMatch(/future/)
    expect(await logsOf(card)).toHaveLength(0)
  })

  it('refuses an answeredAt older than seven days', async () => {
    const { user, card, clock, logsOf } = await setup()
    const res = await answer(user.browser, { cardId: card, rating: 'good', answeredAt: at(clock.now - 8 * day) })
    expect(res.status).toBe(400)
    expect((await res.json()).field).toBe('answeredAt')
    expect(await logsOf(card)).toHaveLength(0)
  })

  it('refuses an answeredAt that is not a timestamp', async () => {
    const { user, card } = await setup()
    const res = await answer(user.browser, { cardId: card, rating: 'good', answeredAt: 'yesterday' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toMatch(/answeredAt/)
  })

  it('schedules answers sent in the order they were made, each from the one before', async () => {
    const { user, card, clock, stateOf, logsOf } = await setup()
    const first = clock.now - 2 * hour
    const second = clock.now - hour
    expect((await answer(user.browser, { cardId: card, rating: 'good', answeredAt: at(first) }, 'o-1')).status).toBe(
      201,
    )
    expect((await answer(user.browser, { cardId: card, rating: 'good', answeredAt: at(second) }, 'o-2')).status).toBe(
      201,
    )
    const logs = await logsOf(card)
    expect(logs.map((l) => [l.reviewedAt, l.origin])).toEqual([
      [first, 'review'],
      [second, 'review'],
    ])
    // The second answer was rated from the state the first left: reviewed then, learning steps moved on.
    expect(logs[1]?.due).toBe(first)
    const state = await stateOf(card)
    expect(state?.reps).toBe(2)
    expect(state?.lastReview).toBe(second)
  })

  it('counts a retried answer once and replays its response', async () => {
    const { user, card, clock, logsOf } = await setup()
    const body = { cardId: card, rating: 'hard', answeredAt: at(clock.now - 30 * minute) }
    const first = await answer(user.browser, body, 'retry-1')
    clock.advance(5 * minute)
    const again = await answer(user.browser, body, 'retry-1')
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(await again.json()).toEqual(await first.json())
    expect(await logsOf(card)).toHaveLength(1)
  })

  it('keeps an answer made before a later one elsewhere as history, and the later answer sets the schedule', async () => {
    const { user, card, clock, stateOf, logsOf } = await setup()
    const offlineAt = clock.now - 2 * hour
    // Another device answers the card an hour after the phone did, and reaches the server first.
    expect(
      (await answer(user.browser, { cardId: card, rating: 'easy', answeredAt: at(clock.now - hour) })).status,
    ).toBe(201)
    const after = await stateOf(card)
    const res = await answer(user.browser, { cardId: card, rating: 'again', answeredAt: at(offlineAt) }, 'phone-1')
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const problem = await res.json()
    expect(problem.code).toBe('answered_later_elsewhere')
    expect(problem.review).toMatchObject({ cardId: card, rating: 'again', superseded: true })
    expect(problem.current.version).toBe(after?.version)
    // The later answer wins: the state is untouched by the earlier one...
    expect(await stateOf(card)).toEqual(after)
    // ...and both logs are kept, in the order they were made.
    const logs = await logsOf(card)
    expect(logs.map((l) => [l.rating, l.origin, l.reviewedAt])).toEqual([
      [4, 'review', clock.now - hour],
      [1, 'superseded', offlineAt],
    ])
    // A retry gets the same conflict and writes no second log.
    const retry = await answer(user.browser, { cardId: card, rating: 'again', answeredAt: at(offlineAt) }, 'phone-1')
    expect(retry.status).toBe(409)
    expect((await retry.json()).code).toBe('answered_later_elsewhere')
    expect(await logsOf(card)).toHaveLength(2)
  })

  it('lists a superseded answer in the exported history, and undo skips it', async () => {
    const { user, card, other, clock, stateOf } = await setup()
    expect((await answer(user.browser, { cardId: card, rating: 'good' })).status).toBe(201)
    expect(
      (await answer(user.browser, { cardId: other, rating: 'good', answeredAt: at(clock.now - hour) })).status,
    ).toBe(201)
    expect(
      (await answer(user.browser, { cardId: card, rating: 'again', answeredAt: at(clock.now - hour) })).status,
    ).toBe(409)
    const exported = (await (await user.browser.request('/api/v1/reviews/export?format=json')).json()) as {
      cardId: string
      origin: string
    }[]
    expect(exported.map((l) => [l.cardId, l.origin]).sort()).toEqual(
      [
        [card, 'review'],
        [card, 'superseded'],
        [other, 'review'],
      ].sort(),
    )
    const undo = await user.browser.request('/api/v1/reviews/undo', { method: 'POST' })
    expect(undo.status).toBe(200)
    expect((await undo.json()).undone.cardId).toBe(card)
    expect((await stateOf(card))?.reps).toBe(0)
  })
})
