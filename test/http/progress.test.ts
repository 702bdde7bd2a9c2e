import { createEmptyCard, fsrs, generatorParameters, type State } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { cardStates, reviewLogs } from '../../src/db/schema'
import type { Progress } from '../../src/domain/progress'
import { type Browser, createClock, createTestApp, signUp, type TestApp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

/**
 * A scripted history in America/New_York (UTC-5 in January) with the day starting at 04:00, so
 * a study day runs 09:00Z to 09:00Z. Every expected figure below is counted by hand from it.
 */
const ny = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00-05:00`)
const now = ny('2026-01-15 12:00')
const A = 'docker-architecture-000'
const B = 'docker-architecture-001'
const C = 'docker-architecture-002'
const D = 'docker-architecture-003'
const E = 'docker-architecture-004'
const F = 'docker-architecture-005'
const G = 'docker-cli-007'
const H = 'docker-cli-001'
const J = 'docker-cli-002'
const K = 'docker-cli-003'
const L = 'docker-cli-004'
const M = 'docker-cli-005'
const N = 'docker-cli-006'

type LogSpec = [card: string, at: string, state: number, rating: number, wasDue: string, previous: string, ms: number]
type LogExtra = { origin?: string; undone?: boolean; keysReordered?: boolean }
const history: (LogSpec | [...LogSpec, LogExtra])[] = [
  [A, '2026-01-08 10:00', 2, 3, '2026-01-08 09:00', '2026-01-01 10:00', 5000], // pass
  [G, '2026-01-09 10:00', 0, 3, '2026-01-09 10:00', '2026-01-09 10:00', 6000], // new card
  [G, '2026-01-10 10:00', 1, 3, '2026-01-10 09:00', '2026-01-09 10:00', 4000],
  [G, '2026-01-11 10:00', 1, 3, '2026-01-11 09:30', '2026-01-10 10:00', 4000],
  // 01-12: no review. H fell due on 01-11 and waited until 01-13: 01-11 and 01-12 end with a card due.
  [H, '2026-01-13 10:00', 2, 3, '2026-01-11 10:00', '2025-12-20 10:00', 7000, { keysReordered: true }], // pass
  [A, '2026-01-13 11:00', 2, 3, '2026-01-13 08:00', '2026-01-08 10:00', 5000], // pass
  [A, '2026-01-13 15:00', 2, 1, '2026-01-20 10:00', '2026-01-13 11:00', 3000], // not the day's first: ignored
  [B, '2026-01-14 20:00', 2, 1, '2026-01-14 08:00', '2026-01-04 20:00', 8000], // fail
  [B, '2026-01-14 20:10', 3, 3, '2026-01-14 20:10', '2026-01-14 20:00', 4000],
  [C, '2026-01-15 03:59', 2, 3, '2026-01-14 12:00', '2026-01-10 03:59', 5000], // still 01-14: pass
  [C, '2026-01-15 04:00', 2, 2, '2026-01-18 03:59', '2026-01-15 03:59', 6000], // 01-15's first: pass
  [D, '2026-01-15 10:00', 2, 1, '2026-01-15 05:00', '2026-01-05 10:00', 9000], // fail
  [E, '2026-01-15 11:00', 2, 1, '2026-01-15 05:00', '2026-01-01 11:00', 2000, { origin: 'quiz' }],
  [F, '2026-01-15 11:30', 2, 1, '2026-01-14 05:00', '2026-01-05 11:30', 1000, { undone: true }],
  [K, '2026-01-15 11:45', 0, 3, '2026-01-15 11:45', '2026-01-15 11:45', 10000], // new card
]

type StateSpec = [card: string, state: number, due: string, stability: number, lastReview: string, days: number]
const states: (StateSpec | [...StateSpec, { suspended?: boolean; leech?: boolean }])[] = [
  [A, 2, '2026-01-20 10:00', 3.1, '2026-01-13 15:00', 7],
  [B, 2, '2026-01-16 20:10', 1.2, '2026-01-14 20:10', 2],
  [C, 2, '2026-01-18 03:59', 4.4, '2026-01-15 04:00', 3], // due in study day 01-17
  [D, 3, '2026-01-15 10:10', 0.9, '2026-01-15 10:00', 0],
  [E, 2, '2026-01-25 10:00', 9.5, '2026-01-15 11:00', 10],
  [F, 2, '2026-01-22 10:00', 7.7, '2026-01-05 11:30', 17],
  [G, 2, '2026-01-30 10:00', 16.2, '2026-01-11 10:00', 15],
  [H, 2, '2026-02-10 10:00', 30.5, '2026-01-13 10:00', 28],
  [J, 2, '2026-01-15 06:00', 11.1, '2026-01-05 06:00', 10],
  [K, 1, '2026-01-15 11:55', 2.3, '2026-01-15 11:45', 0],
  [L, 2, '2026-01-16 10:00', 44.0, '2025-12-07 10:00', 40, { suspended: true, leech: true }],
  [M, 2, '2026-02-13 10:00', 35.0, '2026-01-14 10:00', 30], // last forecast day
  [N, 2, '2026-02-14 10:00', 25.0, '2026-01-24 10:00', 21], // one day past the forecast
]

async function scriptedUser(t: TestApp, userId: string) {
  await t.db.insert(reviewLogs).values(
    history.map(([cardId, at, state, rating, wasDue, previous, ms, extra]) => ({
      userId,
      cardId,
      rating,
      state,
      due: ny(previous),
      stability: 1,
      difficulty: 5,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reviewedAt: ny(at),
      // `before` as the review flow writes it, or with its keys in another order (read through JSON).
      before: JSON.stringify(
        extra?.keysReordered
          ? { lastReview: ny(previous), due: ny(wasDue), reps: 1, lapses: 0, elapsedDays: 0 }
          : { due: ny(wasDue), lastReview: ny(previous), reps: 1, lapses: 0, elapsedDays: 0 },
      ),
      stateAfter: rating === 1 ? 3 : 2,
      dueAfter: ny(at) + 86_400_000,
      durationMs: ms,
      origin: extra?.origin ?? 'review',
      undoneAt: extra?.undone ? ny(at) + 60_000 : null,
    })),
  )
  await t.db.insert(cardStates).values(
    states.map(([cardId, state, due, stability, lastReview, days, flags]) => ({
      userId,
      cardId,
      due: ny(due),
      stability,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: days,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state,
      lastReview: ny(lastReview),
      suspended: flags?.suspended ?? false,
      leech: flags?.leech ?? false,
      updatedAt: now,
    })),
  )
}

async function setup() {
  const clock = createClock(now)
  const t = await createTestApp({ clock })
  await seedDeck(t.db, { perTopic: 10 })
  const user = await signUp(t.app)
  const settings = { timezone: 'America/New_York', dayStartsAt: 4, newCardsPerDay: 5, fuzz: false }
  expect((await user.browser.request('/api/v1/settings', { method: 'PUT', json: settings })).status).toBe(200)
  await scriptedUser(t, user.userId)
  return { ...t, clock, user }
}

async function progress(browser: Browser, query = ''): Promise<Progress> {
  const res = await browser.request(`/api/v1/progress${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Progress
}

/** Mean predicted recall of cards, straight from ts-fsrs (defaults, as the user's settings give). */
function tsFsrsMeanRecall(cards: string[]): number {
  const f = fsrs(generatorParameters({ request_retention: 0.9, enable_fuzz: false, enable_short_term: true }))
  const recalls = states
    .filter(([cardId]) => cards.includes(cardId))
    .map(([, state, due, stability, lastReview, days]) => {
      const card = { ...createEmptyCard(new Date(now)), state: state as State, stability, scheduled_days: days }
      return f.get_retrievability(
        { ...card, due: new Date(ny(due)), last_review: new Date(ny(lastReview)) },
        new Date(now),
        false,
      )
    })
  return recalls.reduce((a, b) => a + b, 0) / recalls.length
}

describe('GET /api/v1/progress', () => {
  it('has exactly the sections of the issue and the desired retention', async () => {
    const { user } = await setup()
    const body = await progress(user.browser)
    expect(Object.keys(body).sort()).toEqual(
      ['calendar', 'cards', 'desiredRetention', 'forecast', 'retention', 'streak', 'today', 'topics'].sort(),
    )
    expect(body.desiredRetention).toBe(0.9)
  })

  it("counts today's answers from 04:00 New York time, leaving undone ones out", async () => {
    const { user } = await setup()
    const { today } = await progress(user.browser)
    // C 04:00, D 10:00, E (quiz) 11:00, K 11:45; F was undone; C 03:59 belongs to yesterday.
    expect(today).toEqual({
      date: '2026-01-15',
      reviewed: 4,
      again: 2,
      timeMs: 27000,
      dueLeft: 3,
      newLeft: 4,
      dueToday: 3,
    })
  })

  it('measures true retention on the first answer of the day to review cards only', async () => {
    const { user } = await setup()
    const { retention } = await progress(user.browser)
    // 01-13: H, A pass (A's second answer ignored); 01-14: B fail, C 03:59 pass; 01-15: C pass, D fail.
    expect(retention.last7).toEqual({ from: '2026-01-09', passed: 4, failed: 2, rate: 4 / 6 })
    expect(retention.last30).toEqual({ from: '2025-12-17', passed: 5, failed: 2, rate: 5 / 7 })
    expect(retention.last365).toMatchObject({ from: '2025-01-16', passed: 5, failed: 2 })
    expect(retention.weekly).toHaveLength(52)
    expect(retention.weekly.at(-1)).toEqual(retention.last7)
    expect(retention.weekly.at(-2)).toEqual({ from: '2026-01-02', passed: 1, failed: 0, rate: 1 })
  })

  it('counts streaks of study days and of caught-up days, across a missed day', async () => {
    const { user, clock } = await setup()
    const first = await progress(user.browser)
    // Studied 01-08..01-11, not 01-12, then 01-13..01-15. Caught up on 01-08..01-10 and 01-13..01-14;
    // today is still open (J, D and K are due), so it neither counts nor breaks the run.
    expect(first.streak).toEqual({ reviewed: { current: 3, longest: 4 }, allDueDone: { current: 2, longest: 3 } })
    clock.now = ny('2026-01-16 12:00') // 01-15 ended with cards due; 01-16 is still open
    expect((await progress(user.browser)).streak).toEqual({
      reviewed: { current: 3, longest: 4 },
      allDueDone: { current: 0, longest: 3 },
    })
    clock.now = ny('2026-01-17 12:00') // nothing studied on 01-16
    expect((await progress(user.browser)).streak.reviewed).toEqual({ current: 0, longest: 4 })
  })

  it('counts cards by state, with leeches and mature cards (interval of 21 days or more)', async () => {
    const { user } = await setup()
    const { cards } = await progress(user.browser)
    expect(cards).toEqual({
      total: 20,
      new: 7,
      learning: 1,
      review: 10,
      relearning: 1,
      suspended: 1,
      leech: 1,
      mature: 3,
      learned: 12,
      studied: 13,
    })
  })

  it('forecasts due cards per study day for 30 days, overdue and learning cards today', async () => {
    const { user } = await setup()
    const { forecast } = await progress(user.browser)
    expect(forecast).toHaveLength(30)
    expect(forecast[0]).toEqual({ date: '2026-01-15', due: 3 })
    expect(forecast[29]).toEqual({ date: '2026-02-13', due: 1 })
    const expected = new Array(30).fill(0)
    for (const [day, due] of [
      [0, 3],
      [1, 1],
      [2, 1],
      [5, 1],
      [7, 1],
      [10, 1],
      [15, 1],
      [26, 1],
      [29, 1],
    ])
      expected[day as number] = due
    expect(forecast.map((d) => d.due)).toEqual(expected)
  })

  it('gives per-topic recall equal to ts-fsrs retrievability', async () => {
    const { user } = await setup()
    const { topics } = await progress(user.browser)
    expect(topics).toHaveLength(2)
    const [architecture, cli] = topics
    expect(architecture).toMatchObject({
      topic: 'architecture',
      title: 'Topic architecture',
      seen: 6,
      total: 10,
      mature: 0,
    })
    expect(cli).toMatchObject({ topic: 'cli', seen: 7, total: 10, mature: 3 })
    expect(architecture?.meanRecall).toBeCloseTo(tsFsrsMeanRecall([A, B, C, D, E, F]), 12)
    expect(cli?.meanRecall).toBeCloseTo(tsFsrsMeanRecall([G, H, J, K, L, M, N]), 12)
  })

  it('lays out 365 calendar days ending today', async () => {
    const { user } = await setup()
    const { calendar } = await progress(user.browser)
    expect(calendar).toHaveLength(365)
    expect(calendar[0]?.date).toBe('2025-01-16')
    expect(calendar.slice(-8)).toEqual(
      [1, 1, 1, 1, 0, 3, 3, 4].map((reviews, i) => ({ date: `2026-01-${String(8 + i).padStart(2, '0')}`, reviews })),
    )
    expect(calendar.reduce((n, d) => n + d.reviews, 0)).toBe(14)
  })
})

describe('who sees what', () => {
  it("shows a new user zeros, never another user's history", async () => {
    const t = await setup()
    const other = await signUp(t.app, 'Grace')
    const body = await progress(other.browser)
    expect(body.today).toEqual({
      date: '2026-01-15',
      reviewed: 0,
      again: 0,
      timeMs: 0,
      dueLeft: 0,
      newLeft: 20,
      dueToday: 0,
    })
    expect(body.streak).toEqual({ reviewed: { current: 0, longest: 0 }, allDueDone: { current: 0, longest: 0 } })
    expect(body.cards).toMatchObject({ total: 20, new: 20, review: 0 })
    expect(body.retention.last365).toMatchObject({ passed: 0, failed: 0, rate: null })
    expect(body.calendar.every((d) => d.reviews === 0)).toBe(true)
    expect(body.topics.every((topic) => topic.seen === 0 && topic.meanRecall === null)).toBe(true)
  })

  it('reads one deck with ?deck=, answers 404 for an unknown deck and 400 for a malformed one', async () => {
    const { user, db } = await setup()
    await seedDeck(db, { deck: 'kubernetes', topics: ['pods'], perTopic: 4 })
    const docker = await progress(user.browser, '?deck=docker')
    const kubernetes = await progress(user.browser, '?deck=kubernetes')
    expect(docker.cards.total).toBe(20)
    expect(docker.today.reviewed).toBe(4)
    expect(kubernetes.cards).toMatchObject({ total: 4, new: 4 })
    expect(kubernetes.today.reviewed).toBe(0)
    expect((await progress(user.browser, '?deck=')).cards.total).toBe(24)
    const unknown = await user.browser.request('/api/v1/progress?deck=nope')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ code: 'not_found', field: 'deck' })
    const bad = await user.browser.request('/api/v1/progress?deck=Bad%20Deck')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ field: 'deck' })
  })

  it('needs a signed-in user or a token with the progress:read scope', async () => {
    const { app, user } = await setup()
    expect((await app.request('/api/v1/progress')).status).toBe(401)
    const token = async (scopes: string[]) => {
      const res = await user.browser.request('/api/v1/tokens', { method: 'POST', json: { name: 'stats', scopes } })
      return ((await res.json()) as { token: string }).token
    }
    const reader = await token(['progress:read'])
    const reviewer = await token(['review'])
    const ok = await app.request('/api/v1/progress', { headers: { authorization: `Bearer ${reader}` } })
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as Progress).today.reviewed).toBe(4)
    const refused = await app.request('/api/v1/progress', { headers: { authorization: `Bearer ${reviewer}` } })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ code: 'missing_scope', scope: 'progress:read' })
  })
})
