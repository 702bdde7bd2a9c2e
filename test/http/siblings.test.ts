import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cardStates, cards } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'
import { createDeck, writeNote } from '../helpers/own-deck'

const DAY = 86_400_000
const forward = 'docker-architecture-000'
const reverse = 'docker-architecture-001'

/** A deck whose first two cards are one note's forward and reverse card (siblings). */
async function setup(settings: Record<string, unknown> = {}) {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  await seedDeck(t.db, { perTopic: 10 })
  await t.db
    .update(cards)
    .set({ note: 'term-1' })
    .where(inArray(cards.id, [forward, reverse]))
  const user = await signUp(t.app)
  const put = await user.browser.request('/api/v1/settings', {
    method: 'PUT',
    json: { fuzz: false, timezone: 'UTC', ...settings },
  })
  expect(put.status).toBe(200)
  return { ...t, user, clock }
}

/** Puts `cardId` in review (or learning) state for the user, due an hour ago. */
async function studied(t: Awaited<ReturnType<typeof setup>>, cardId: string, state = 2, scheduledDays = 10) {
  const now = t.clock.now
  await t.db.insert(cardStates).values({
    userId: t.user.userId,
    cardId,
    due: now - 3_600_000,
    stability: 10,
    difficulty: 5,
    elapsedDays: 10,
    scheduledDays,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state,
    lastReview: now - scheduledDays * DAY,
    updatedAt: now - scheduledDays * DAY,
  })
}

type Next = { card: { id: string } | null; remaining: { learning: number; review: number; new: number } }

async function next(browser: Browser, deck = 'docker'): Promise<Next> {
  const res = await browser.request(`/api/v1/review/next?deck=${deck}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Next
}

async function answer(browser: Browser, cardId: string, rating = 'good') {
  const res = await browser.request('/api/v1/reviews', { method: 'POST', json: { cardId, rating } })
  expect(res.status).toBe(201)
}

/** Every card the queue offers today, answering each `good` until none is left. */
async function studyAll(browser: Browser, deck = 'docker'): Promise<string[]> {
  const seen: string[] = []
  for (let n = await next(browser, deck); n.card; n = await next(browser, deck)) {
    seen.push(n.card.id)
    await answer(browser, n.card.id, 'easy')
  }
  return seen
}

describe('siblings', () => {
  it('never introduces a reverse card on the study day its forward card was introduced, bury setting off', async () => {
    const t = await setup({ buryNewSiblings: false })
    const first = await next(t.user.browser)
    expect(first.card?.id).toBe(forward)
    // 20 unseen cards, two of them one note: 19 can be introduced today.
    expect(first.remaining.new).toBe(19)
    const today = await studyAll(t.user.browser)
    expect(today).toContain(forward)
    expect(today).not.toContain(reverse)
    t.clock.advance(DAY)
    expect(await studyAll(t.user.browser)).toContain(reverse)
  })

  it('buries a review sibling until the next study day once its sibling is answered, and undo frees it', async () => {
    const t = await setup()
    await studied(t, forward)
    await studied(t, reverse)
    expect((await next(t.user.browser)).remaining.review).toBe(2)
    await answer(t.user.browser, forward)
    const after = await next(t.user.browser)
    expect(after.card?.id).not.toBe(reverse)
    expect(after.remaining.review).toBe(0)
    expect((await t.user.browser.request('/api/v1/reviews/undo', { method: 'POST' })).status).toBe(200)
    expect((await next(t.user.browser)).remaining.review).toBe(2)
    await answer(t.user.browser, forward)
    // The study day ends at 04:00 UTC: the sibling comes back with it.
    t.clock.advance(16 * 3_600_000)
    expect((await next(t.user.browser)).card?.id).toBe(reverse)
  })

  it('shows a review sibling the same day when review siblings are not buried', async () => {
    const t = await setup({ buryReviewSiblings: false })
    await studied(t, forward)
    await studied(t, reverse)
    await answer(t.user.browser, forward)
    expect((await next(t.user.browser)).card?.id).toBe(reverse)
  })

  it('buries a new sibling of an answered review card by default, and not with the setting off', async () => {
    for (const buryNewSiblings of [true, false]) {
      const t = await setup({ buryNewSiblings })
      await studied(t, forward)
      await answer(t.user.browser, forward)
      const n = await next(t.user.browser)
      expect(n.card?.id === reverse, `buryNewSiblings ${buryNewSiblings}`).toBe(!buryNewSiblings)
    }
  })

  it('buries an interday learning sibling only when that setting is on', async () => {
    for (const buryInterdayLearningSiblings of [false, true]) {
      const t = await setup({ buryInterdayLearningSiblings, learningSteps: ['1d', '3d'] })
      await studied(t, forward)
      await studied(t, reverse, 1, 1)
      await answer(t.user.browser, forward)
      const n = await next(t.user.browser)
      expect(n.remaining.learning, `buryInterdayLearningSiblings ${buryInterdayLearningSiblings}`).toBe(
        buryInterdayLearningSiblings ? 0 : 1,
      )
    }
  })

  it('keeps a term and its reverse from a user’s own notes apart: they share a note', async () => {
    const t = await setup()
    const slug = await createDeck(t.user.browser, { name: 'Mine' })
    const note = await writeNote(t.user.browser, slug, 'terms.md', '# Terms\n\nWhat runs containers? ::: containerd\n')
    expect(note.cards.map((c) => c.kind).sort()).toEqual(['basic', 'reverse'])
    const rows = await t.db.select({ note: cards.note }).from(cards).where(eq(cards.deck, slug))
    expect(new Set(rows.map((r) => r.note)).size).toBe(1)
    expect(rows[0]?.note).not.toBe('')
    const first = await t.user.browser.request(`/api/v1/review/next?deck=${slug}`)
    const { card } = (await first.json()) as Next
    await answer(t.user.browser, card!.id)
    expect(await studyAll(t.user.browser, slug)).not.toContain(note.cards.find((c) => c.id !== card!.id)?.id)
  })
})
