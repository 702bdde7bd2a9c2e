import { describe, expect, it } from 'vitest'
import { cardStates } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'
import { gatedApp, sameBrowserOn } from '../helpers/interleave'

const HOUR = 3_600_000
const DAY = 24 * HOUR
// Noon UTC; the study day began at 04:00.
const NOON = Date.UTC(2026, 0, 15, 12, 0, 0)

async function setup(settings: Record<string, unknown> = {}) {
  const clock = createClock(NOON)
  const t = await createTestApp({ clock })
  const ids = await seedDeck(t.db, { perTopic: 30 })
  const user = await signUp(t.app)
  const put = await user.browser.request('/api/v1/settings', {
    method: 'PUT',
    json: { fuzz: false, timezone: 'UTC', newCardsPerDay: 100, ...settings },
  })
  expect(put.status).toBe(200)
  return { ...t, ids, user, clock }
}

async function nextId(browser: Browser): Promise<string | undefined> {
  const res = await browser.request('/api/v1/review/next?deck=docker')
  expect(res.status).toBe(200)
  return ((await res.json()) as { card: { id: string } | null }).card?.id
}

async function todayIds(browser: Browser): Promise<string[]> {
  const res = await browser.request('/api/v1/review/today?deck=docker')
  expect(res.status).toBe(200)
  return ((await res.json()) as { cards: { id: string }[] }).cards.map((c) => c.id)
}

/** Answers every card the queue serves, Good, and returns them in the order served. */
async function studyAll(browser: Browser): Promise<string[]> {
  const served: string[] = []
  for (let id = await nextId(browser); id !== undefined; id = await nextId(browser)) {
    served.push(id)
    const res = await browser.request('/api/v1/reviews', { method: 'POST', json: { cardId: id, rating: 'good' } })
    expect(res.status).toBe(201)
  }
  return served
}

describe('new card order', () => {
  it("introduces new cards in the deck's order by default", async () => {
    const { user, ids } = await setup()
    expect(await nextId(user.browser)).toBe(ids[0])
    expect(await todayIds(user.browser)).toEqual(ids.slice(0, 5))
  })

  it('shuffles new cards with newCardOrder random: the same on a reload, another the next study day', async () => {
    const { user, ids, clock } = await setup({ newCardOrder: 'random' })
    const today = await todayIds(user.browser)
    expect(today).toHaveLength(5)
    expect(today).not.toEqual(ids.slice(0, 5))
    // Drawn from the whole deck, not its first few notes.
    expect(today.some((id) => ids.indexOf(id) >= 10)).toBe(true)
    expect(await nextId(user.browser)).toBe(today[0])
    expect(await todayIds(user.browser)).toEqual(today)
    clock.advance(DAY)
    expect(await todayIds(user.browser)).not.toEqual(today)
  })

  it('gives each user a shuffle of their own', async () => {
    const { user, app } = await setup({ newCardOrder: 'random' })
    const other = await signUp(app)
    await other.browser.request('/api/v1/settings', {
      method: 'PUT',
      json: { timezone: 'UTC', newCardsPerDay: 100, newCardOrder: 'random' },
    })
    expect(await todayIds(other.browser)).not.toEqual(await todayIds(user.browser))
  })

  it('still introduces every new card, each once', async () => {
    const { user, ids } = await setup({ newCardOrder: 'random', learningSteps: [] })
    const served = await studyAll(user.browser)
    expect([...served].sort()).toEqual([...ids].sort())
  }, 30_000)
})

describe('review order', () => {
  /** 14 review cards: 4 due two days ago, 10 due today, each at another hour, oldest first by id. */
  async function withReviews(settings: Record<string, unknown> = {}) {
    const t = await setup({ newCardsPerDay: 0, ...settings })
    const due = [
      ...Array.from({ length: 4 }, (_, i) => NOON - 2 * DAY - 7 * HOUR + i * HOUR),
      ...Array.from({ length: 10 }, (_, i) => NOON - 7 * HOUR + i * 30 * 60_000),
    ]
    await t.db.insert(cardStates).values(
      due.map((at, i) => ({
        userId: t.user.userId,
        cardId: t.ids[i]!,
        due: at,
        stability: 10,
        difficulty: 5,
        elapsedDays: 10,
        scheduledDays: 10,
        learningSteps: 0,
        reps: 3,
        lapses: 0,
        state: 2,
        lastReview: at - 10 * DAY,
        updatedAt: at - 10 * DAY,
      })),
    )
    return { ...t, byDue: t.ids.slice(0, 14) }
  }

  it('shows the reviews of an earlier due day first, shuffled within each day (the default)', async () => {
    const { user, byDue } = await withReviews()
    const first = await nextId(user.browser)
    expect(await nextId(user.browser)).toBe(first)
    const served = await studyAll(user.browser)
    expect(served[0]).toBe(first)
    expect(served.slice(0, 4).sort()).toEqual(byDue.slice(0, 4))
    expect(served.slice(4).sort()).toEqual(byDue.slice(4))
    expect(served.slice(4)).not.toEqual(byDue.slice(4))
  }, 30_000)

  it('reads the first shuffled review with its card and schedule in the queue batch, ranking the due days once', async () => {
    const { user, url, clock } = await withReviews()
    const trips: string[][] = []
    const gated = await gatedApp(url, clock, (statements) => {
      trips.push(statements)
      return undefined
    })
    const res = await sameBrowserOn(gated.app, user.browser).request('/api/v1/review/next?deck=docker')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { card: { id: string }; state: { cardId: string; state: string; reps: number } }
    expect(body.state).toMatchObject({ cardId: body.card.id, state: 'review', reps: 3 })
    // The session, then the queue batch: no read of the card after the queue picked it.
    expect(trips).toHaveLength(2)
    // The shuffle's key (its second prime) is computed by one statement: the one reading the peek.
    const ranking = trips.flat().filter((sql) => sql.includes('2147483629'))
    expect(ranking).toHaveLength(1)
    gated.client.close()
  })

  it('shows the oldest due first with reviewOrder due', async () => {
    const { user, byDue } = await withReviews({ reviewOrder: 'due' })
    expect(await studyAll(user.browser)).toEqual(byDue)
  }, 30_000)
})

describe('the order settings', () => {
  it('refuses an unknown order, naming the field', async () => {
    const { user } = await setup()
    for (const [field, value, message] of [
      ['newCardOrder', 'shuffled', 'newCardOrder must be "deck" or "random"'],
      ['reviewOrder', 'random', 'reviewOrder must be "dueDateThenRandom" or "due"'],
    ] as const) {
      const res = await user.browser.request('/api/v1/settings', { method: 'PUT', json: { [field]: value } })
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(((await res.json()) as { detail: string }).detail).toContain(message)
    }
    const settings = (await (await user.browser.request('/api/v1/settings')).json()) as Record<string, unknown>
    expect(settings).toMatchObject({ newCardOrder: 'deck', reviewOrder: 'dueDateThenRandom' })
  })

  it('are set on the settings page, which shows the choice saved', async () => {
    const { user } = await setup()
    const form = {
      desiredRetention: '0.9',
      newCardsPerDay: '20',
      maxReviewsPerDay: '200',
      learningSteps: '1m 10m',
      relearningSteps: '10m',
      timezone: 'UTC',
      dayStartsAt: '4',
      leechThreshold: '8',
      newCardOrder: 'random',
      reviewOrder: 'due',
    }
    expect(await (await user.browser.request('/settings')).text()).toMatch(/<option value="deck" selected/)
    const res = await user.browser.submit('/settings', form)
    expect(res.status).toBe(303)
    const settings = (await (await user.browser.request('/api/v1/settings')).json()) as Record<string, unknown>
    expect(settings).toMatchObject({ newCardOrder: 'random', reviewOrder: 'due' })
    const page = await (await user.browser.request('/settings')).text()
    expect(page).toMatch(/<option value="random" selected/)
    expect(page).toMatch(/<option value="due" selected/)
    const refused = await user.browser.submit('/settings', { ...form, newCardOrder: 'shuffled' })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Must be &quot;deck&quot; or &quot;random&quot;')
  })
})
