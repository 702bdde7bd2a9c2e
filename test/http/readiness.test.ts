import { type Card, createEmptyCard, fsrs, type Grade, generatorParameters, Rating } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { cardStates } from '../../src/db/schema'
import { reviewsNeededPerDay } from '../../src/domain/exam'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedExamDeck } from '../helpers/exam-deck'

const day = 24 * 60 * 60 * 1000

async function setup(settings: Record<string, unknown> = {}) {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  const cards = await seedExamDeck(t.db)
  const user = await signUp(t.app)
  const res = await user.browser.request('/api/v1/settings', {
    method: 'PUT',
    json: { fuzz: false, timezone: 'UTC', dayStartsAt: 4, ...settings },
  })
  expect(res.status).toBe(200)
  return { ...t, cards, user, clock }
}

interface Readiness {
  examDate: string | null
  hint?: string
  examAt: string
  daysLeft: number
  target: number
  recall: number
  cards: number
  unseen: number
  belowTarget: number
  reviewsPerDay: number
  topics: { topic: string; title: string; recall: number; cards: number; unseen: number }[]
}

const readiness = async (browser: Browser) =>
  (await (await browser.request('/api/v1/readiness?deck=docker')).json()) as Readiness

describe('readiness for the exam date', () => {
  it('says how to set an exam date when there is none', async () => {
    const { user } = await setup()
    const body = await readiness(user.browser)
    expect(body).toMatchObject({ examDate: null, target: 0.9 })
    expect(body.hint).toMatch(/examDate/)
  })

  it('predicts recall exactly as ts-fsrs retrievability on the exam date, unseen cards as forgotten', async () => {
    const { user, clock, cards } = await setup({ examDate: '2026-03-01' })
    const f = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false, enable_short_term: true }))
    const grades: Record<string, Grade> = { again: Rating.Again, good: Rating.Good, easy: Rating.Easy }
    const history: [string, string[]][] = [
      ['card-00', ['good', 'good']],
      ['card-01', ['again', 'good', 'good']],
      ['card-12', ['easy']],
    ]
    const memory = new Map<string, Card>()
    for (const [cardId, ratings] of history) {
      let card = createEmptyCard(new Date(clock.now))
      for (const rating of ratings) {
        const res = await user.browser.request('/api/v1/reviews', { method: 'POST', json: { cardId, rating } })
        expect(res.status).toBe(201)
        card = f.next(card, new Date(clock.now), grades[rating] as Grade).card
        clock.advance(day)
      }
      memory.set(cardId, card)
    }
    const examAt = new Date(Date.UTC(2026, 2, 1, 4, 0, 0))
    const recall = (id: string) => {
      const card = memory.get(id)
      return card ? f.get_retrievability(card, examAt, false) : 0
    }
    const mean = (ids: string[]) => ids.reduce((sum, id) => sum + recall(id), 0) / ids.length
    const body = await readiness(user.browser)
    expect(body.examAt).toBe(examAt.toISOString())
    expect(body.recall).toBeCloseTo(mean(cards.map((c) => c.id)), 12)
    for (const topic of ['architecture', 'cli']) {
      const ids = cards.filter((c) => c.topic === topic).map((c) => c.id)
      expect(body.topics.find((t) => t.topic === topic)?.recall).toBeCloseTo(mean(ids), 12)
    }
    expect(body).toMatchObject({ cards: 22, unseen: 19, target: 0.9 })
    const below = [...memory.keys()].filter((id) => recall(id) < 0.9).length
    expect(body.belowTarget).toBe(below)
    // 2026-01-21 12:00 now (six reviews later): the study day began at 04:00, 39 days before the exam's.
    expect(body.daysLeft).toBe(39)
    const load = reviewsNeededPerDay({ unseen: 19, belowTarget: below, daysLeft: 39, target: 0.9 })
    expect(body.reviewsPerDay).toBe(load.perDay)
    expect(body.reviewsPerDay).toBeGreaterThan(0)
  })

  it('answers 404 naming the deck for an unknown deck', async () => {
    const { user } = await setup()
    const res = await user.browser.request('/api/v1/readiness?deck=kubernetes')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({ field: 'deck' })
  })
})

describe('exam mode of the review queue', () => {
  async function twoDueCards(examDate?: string) {
    const t = await setup(examDate ? { examDate } : {})
    const { clock, db, user } = t
    const state = (cardId: string, due: number, stability: number, lastReview: number) => ({
      userId: user.userId,
      cardId,
      due,
      stability,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: Math.round((due - lastReview) / day),
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state: 2,
      lastReview,
      version: 1,
      updatedAt: lastReview,
    })
    await db.insert(cardStates).values([
      // Due first but well remembered: a stable card reviewed long ago.
      state('card-03', clock.now - 2 * day, 120, clock.now - 100 * day),
      // Due later today and fragile: it will have faded most by the exam.
      state('card-07', clock.now - 60_000, 3, clock.now - 3 * day),
    ])
    return t
  }

  const next = async (browser: Browser, mode: string) =>
    ((await (await browser.request(`/api/v1/review/next?deck=docker&mode=${mode}`)).json()) as { card: { id: string } })
      .card.id

  it('orders due cards by the lowest recall predicted on the exam date', async () => {
    const { user } = await twoDueCards('2026-03-01')
    expect(await next(user.browser, 'normal')).toBe('card-03')
    expect(await next(user.browser, 'exam')).toBe('card-07')
  })

  it('keeps the usual order without an exam date', async () => {
    const { user } = await twoDueCards()
    expect(await next(user.browser, 'exam')).toBe('card-03')
  })
})
