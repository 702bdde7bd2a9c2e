import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cardStates, reviewLogs } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'
import { barrier, type Gate, gatedApp, holdFirst, sameBrowserOn } from '../helpers/interleave'

/**
 * Guards whose only test could not fail (issue 11): the old concurrency test sent its answers
 * together through one client, which ran them one after another, so removing the version check
 * of the card-state write passed the suite. Here two apps, each with its own @libsql/client
 * connection to one database file (two server processes), are stopped at a chosen point so the
 * race happens every run, not by luck.
 */

/** Matches the batch that writes a card's state (`recordReview`). */
const stateWrite = /^(update|insert into) "card_states"/
/**
 * Matches `readForAnswer`, the one batch an answer reads before it computes the new state: the
 * stored response, the card, its deck and the state, read together (one round trip, one snapshot).
 */
const stateRead = /^select .* from "cards" where "cards"."id" = \?/

async function setup() {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  await seedDeck(t.db)
  const user = await signUp(t.app)
  await user.browser.request('/api/v1/settings', { method: 'PUT', json: { fuzz: false, timezone: 'UTC' } })
  /** The same signed-in browser talking to a second server on the same database file. */
  const onSecondServer = async (gate: Gate) => {
    const second = await gatedApp(t.url, clock, gate)
    return { ...second, browser: sameBrowserOn(second.app, user.browser) }
  }
  return { ...t, user, clock, onSecondServer }
}

const answer = (browser: Browser, body: Record<string, unknown>, key?: string) =>
  browser.request('/api/v1/reviews', { method: 'POST', json: body, headers: key ? { 'idempotency-key': key } : {} })

describe('two answers to one card racing on two connections', () => {
  it('applies one of two answers that read the same card version and answers 409 to the other', async () => {
    const { db, user, onSecondServer } = await setup()
    const cardId = 'docker-architecture-000'
    expect((await answer(user.browser, { cardId, rating: 'good' })).status).toBe(201)
    // Both requests read version 1; neither writes until both have read.
    const bothRead = barrier(2)
    const a = await onSecondServer(holdFirst(stateWrite, bothRead))
    const b = await onSecondServer(holdFirst(stateWrite, bothRead))
    const results = await Promise.all([
      answer(a.browser, { cardId, rating: 'again' }),
      answer(b.browser, { cardId, rating: 'easy' }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409])
    const loser = results.find((r) => r.status === 409) as Response
    expect(await loser.json()).toMatchObject({ code: 'stale_state', current: { version: 2, reps: 2 } })
    const logs = await db.select().from(reviewLogs).where(eq(reviewLogs.cardId, cardId))
    const [state] = await db.select().from(cardStates).where(eq(cardStates.cardId, cardId))
    expect(logs).toHaveLength(2)
    expect(state).toMatchObject({ version: 2, reps: 2 })
    a.client.close()
    b.client.close()
  })

  it('creates the state of a never-studied card once when two first answers race', async () => {
    const { db, onSecondServer } = await setup()
    const cardId = 'docker-architecture-001'
    const bothRead = barrier(2)
    const a = await onSecondServer(holdFirst(stateWrite, bothRead))
    const b = await onSecondServer(holdFirst(stateWrite, bothRead))
    const results = await Promise.all([
      answer(a.browser, { cardId, rating: 'again' }),
      answer(b.browser, { cardId, rating: 'easy' }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409])
    expect(await db.select().from(reviewLogs).where(eq(reviewLogs.cardId, cardId))).toHaveLength(1)
    expect(await db.select().from(cardStates).where(eq(cardStates.cardId, cardId))).toMatchObject([{ version: 1 }])
    a.client.close()
    b.client.close()
  })
})

describe('a same-key retry racing the first request', () => {
  it('replays the stored 201 to the same-key request that lost the race, and writes one log', async () => {
    const { db, user, onSecondServer } = await setup()
    const cardId = 'docker-architecture-002'
    expect((await answer(user.browser, { cardId, rating: 'good' })).status).toBe(201)
    const bothRead = barrier(2)
    const a = await onSecondServer(holdFirst(stateWrite, bothRead))
    const b = await onSecondServer(holdFirst(stateWrite, bothRead))
    const body = { cardId, rating: 'hard' }
    const results = await Promise.all([answer(a.browser, body, 'tap-1'), answer(b.browser, body, 'tap-1')])
    expect(results.map((r) => r.status)).toEqual([201, 201])
    const [first, second] = await Promise.all(results.map((r) => r.json()))
    expect(second).toEqual(first)
    expect(await db.select().from(reviewLogs).where(eq(reviewLogs.cardId, cardId))).toHaveLength(2)
    a.client.close()
    b.client.close()
  })

  it('replays the stored 201 to a retry carrying shownAt that reads the card after the first answer, the clock moving', async () => {
    const { db, user, clock, onSecondServer } = await setup()
    const shown = (await (await user.browser.request('/api/v1/review/next?deck=docker')).json()) as {
      card: { id: string }
      shownAt: string
    }
    const body = { cardId: shown.card.id, rating: 'good', shownAt: shown.shownAt }
    // The learner thinks for a second and a half; the phone sends the answer, times out, and
    // sends it again: the retry reaches its read before the first answer is written and reads
    // after it is. (It once looked for the stored response and read the card in two round trips,
    // and answered 409 when the first write fell between them; now both are one batch.)
    clock.advance(1500)
    let firstDone: () => void = () => {}
    const firstWritten = new Promise<void>((resolve) => {
      firstDone = resolve
    })
    const hold = holdFirst(stateRead, () => firstWritten)
    const retry = await onSecondServer(hold)
    const retried = answer(retry.browser, body, 'phone-7')
    // The retry is about to read the stored response and the card.
    await hold.reached
    clock.advance(200)
    const first = await answer(user.browser, body, 'phone-7')
    firstDone()
    const second = await retried
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(await second.json()).toEqual(await first.json())
    expect(await db.select().from(reviewLogs).where(eq(reviewLogs.cardId, shown.card.id))).toHaveLength(1)
    retry.client.close()
  })
})
