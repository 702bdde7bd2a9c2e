import { and, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cardStates, reviewLogs } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

const minute = 60_000

async function setup() {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  const ids = await seedDeck(t.db)
  const user = await signUp(t.app)
  const put = await user.browser.request('/api/v1/settings', { method: 'PUT', json: { fuzz: false, timezone: 'UTC' } })
  expect(put.status).toBe(200)
  /** The user's state row of a card, version and update time left out (null: none). */
  const state = async (cardId: string) => {
    const [row] = await t.db
      .select()
      .from(cardStates)
      .where(and(eq(cardStates.userId, user.userId), eq(cardStates.cardId, cardId)))
    if (!row) return null
    const { version: _v, updatedAt: _u, ...rest } = row
    return rest
  }
  return { ...t, ids, user, clock, state }
}

interface Next {
  card: { id: string } | null
  remaining: { learning: number; review: number; new: number }
}

async function next(browser: Browser): Promise<Next> {
  const res = await browser.request('/api/v1/review/next?deck=docker')
  expect(res.status).toBe(200)
  return (await res.json()) as Next
}

async function post(browser: Browser, path: string, json?: unknown) {
  return browser.request(`/api/v1${path}`, { method: 'POST', json })
}

async function undo(browser: Browser, status = 200) {
  const res = await post(browser, '/reviews/undo')
  const body = await res.text()
  expect(res.status, body).toBe(status)
  return JSON.parse(body) as {
    undone: { kind: string; cardId: string }
    card: { cardId: string; suspended: boolean; due: string; buriedUntil: string | null }
    code?: string
  }
}

describe('review undo reverts suspend and bury too', () => {
  it('undoes a suspension: the card is back, due as before, and in the queue again', async () => {
    const { user, ids, clock, state } = await setup()
    const card = ids[0]!
    expect((await post(user.browser, '/reviews', { cardId: card, rating: 'good' })).status).toBe(201)
    clock.advance(11 * minute)
    const before = await state(card)
    expect((await next(user.browser)).card?.id).toBe(card)
    expect((await post(user.browser, `/cards/${card}/suspend`)).status).toBe(200)
    expect((await next(user.browser)).card?.id).not.toBe(card)

    const body = await undo(user.browser)
    expect(body.undone).toMatchObject({ kind: 'suspend', cardId: card })
    expect(body.card).toMatchObject({ cardId: card, suspended: false, due: new Date(before!.due).toISOString() })
    expect(await state(card)).toEqual(before)
    expect((await next(user.browser)).card?.id).toBe(card)
    // The answer before it is still there: undo went back one step, not two.
    const live = await user.browser.request(`/api/v1/cards/${card}`)
    expect(((await live.json()) as { history: unknown[] }).history).toHaveLength(1)
  })

  it('undoes a burial: the card is back in today’s queue, counted as before', async () => {
    const { user, state } = await setup()
    const shown = await next(user.browser)
    const card = shown.card!.id
    expect((await post(user.browser, `/cards/${card}/bury`)).status).toBe(200)
    expect((await next(user.browser)).card?.id).not.toBe(card)

    const body = await undo(user.browser)
    expect(body.undone).toMatchObject({ kind: 'bury', cardId: card })
    expect(body.card.buriedUntil).toBeNull()
    // A card that had no state comes back new, unburied: what having none means.
    expect(await state(card)).toMatchObject({ state: 0, reps: 0, buriedUntil: null, suspended: false })
    const again = await next(user.browser)
    expect(again.card?.id).toBe(card)
    expect(again.remaining).toEqual(shown.remaining)
  })

  it('undoes an answer and then a suspension, latest first, step by step', async () => {
    const { user, db, state } = await setup()
    const answered = (await next(user.browser)).card!.id
    expect((await post(user.browser, '/reviews', { cardId: answered, rating: 'good' })).status).toBe(201)
    const suspended = (await next(user.browser)).card!.id
    expect(suspended).not.toBe(answered)
    // Same instant on purpose: the suspension came second, so it is undone first.
    expect((await post(user.browser, `/cards/${suspended}/suspend`)).status).toBe(200)

    expect((await undo(user.browser)).undone).toMatchObject({ kind: 'suspend', cardId: suspended })
    expect(await state(suspended)).toMatchObject({ suspended: false, state: 0 })
    expect(await state(answered)).toMatchObject({ reps: 1 })

    expect((await undo(user.browser)).undone).toMatchObject({ kind: 'review', cardId: answered })
    expect(await state(answered)).toMatchObject({ reps: 0, state: 0 })
    const live = await db
      .select()
      .from(reviewLogs)
      .where(and(eq(reviewLogs.userId, user.userId), isNull(reviewLogs.undoneAt)))
    expect(live).toHaveLength(0)

    expect(await undo(user.browser, 409)).toMatchObject({ code: 'conflict' })
  })

  it('undoes the answer first when the card was answered after it was unsuspended, at the same instant', async () => {
    const { user, ids, state } = await setup()
    const card = ids[0]!
    expect((await post(user.browser, `/cards/${card}/suspend`)).status).toBe(200)
    expect((await post(user.browser, `/cards/${card}/unsuspend`)).status).toBe(200)
    expect((await post(user.browser, '/reviews', { cardId: card, rating: 'easy' })).status).toBe(201)
    // Same millisecond for all three: the card's version says the answer was the last write.
    expect((await undo(user.browser)).undone).toMatchObject({ kind: 'review', cardId: card })
    expect(await state(card)).toMatchObject({ reps: 0, suspended: false })
  })

  it('answers a problem document when there is nothing to undo', async () => {
    const { user } = await setup()
    const res = await post(user.browser, '/reviews/undo')
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(await res.json()).toMatchObject({ status: 409, code: 'conflict', detail: 'there is nothing to undo' })
  })

  it('never undoes another user’s suspension', async () => {
    const { app, user, ids, state } = await setup()
    const card = ids[0]!
    expect((await post(user.browser, `/cards/${card}/suspend`)).status).toBe(200)
    const other = await signUp(app, 'Grace')
    expect(await undo(other.browser, 409)).toMatchObject({ code: 'conflict' })
    expect(await state(card)).toMatchObject({ suspended: true })
    expect((await undo(user.browser)).undone).toMatchObject({ kind: 'suspend', cardId: card })
  })

  it('shows the restored card on the review page after undoing a suspension there', async () => {
    const { user, ids } = await setup()
    const card = ids[0]!
    const suspended = await user.browser.submit(`/review/cards/${card}/suspend`, { deck: 'docker' })
    expect(suspended.status).toBe(303)
    const res = await user.browser.submit('/review/undo', { deck: 'docker' })
    expect(res.headers.get('location')).toBe(`/review?deck=docker&card=${card}&notice=undone-action`)
    const html = await (await user.browser.request(res.headers.get('location')!)).text()
    expect(html).toContain('Your last card action was undone')
    expect(html).toContain('What is term 0 of architecture?')
  })
})
