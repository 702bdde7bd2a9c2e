import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { deckTools } from '../../src/content/deck-tools'
import { createNodeOptimizer } from '../../src/optimizer/node-optimizer'
import { createClock, createTestApp, signUp, testPasswordParams } from '../helpers/app'
import { createTestDb } from '../helpers/db'
import { seedReviewHistory, simulatedHistory } from '../helpers/review-history'

interface Optimized {
  weights: number[]
  reviews: number
  heldOut: number
  before: { logLoss: number; rmse: number }
  after: { logLoss: number; rmse: number }
  saved: boolean
}

const history = simulatedHistory(2000)

async function userWithHistory(answers = history, origin: 'review' | 'quiz' | 'exam' = 'review') {
  const t = await createTestApp({ clock: createClock(Date.UTC(2027, 6, 1)) })
  const user = await signUp(t.app)
  await seedReviewHistory(t.db, user.userId, answers, origin)
  return { ...t, user }
}

const optimize = (user: Awaited<ReturnType<typeof signUp>>) =>
  user.browser.request('/api/v1/settings/optimize', { method: 'POST' })

async function settingsOf(user: Awaited<ReturnType<typeof signUp>>) {
  return (await (await user.browser.request('/api/v1/settings')).json()) as { fsrsWeights: number[] | null }
}

describe('POST /api/v1/settings/optimize', () => {
  it('fits parameters to 2,000 reviews, lowers the held-out log loss and saves them', async () => {
    const { user } = await userWithHistory()
    const res = await optimize(user)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Optimized
    expect(body.weights).toHaveLength(21)
    expect(body.reviews).toBeGreaterThanOrEqual(400)
    expect(body.heldOut).toBeGreaterThan(0.1 * body.reviews)
    expect(body.after.logLoss).toBeLessThan(body.before.logLoss)
    expect(body.after.rmse).toBeLessThan(body.before.rmse)
    expect(body.saved).toBe(true)
    expect((await settingsOf(user)).fsrsWeights).toEqual(body.weights)
  }, 60_000)

  it('keeps the parameters in force when the new ones predict no better', async () => {
    const { user } = await userWithHistory()
    const first = (await (await optimize(user)).json()) as Optimized
    // Fitting the same history again gives the same parameters: not better than those now in force.
    const again = (await (await optimize(user)).json()) as Optimized
    expect(again.before.logLoss).toBeCloseTo(first.after.logLoss, 6)
    expect(again.after.logLoss).toBeGreaterThanOrEqual(again.before.logLoss)
    expect(again.saved).toBe(false)
    expect((await settingsOf(user)).fsrsWeights).toEqual(first.weights)
  }, 60_000)

  it('answers 422 with how many reviews are needed when the history is short', async () => {
    const { user } = await userWithHistory(history.slice(0, 300))
    const res = await optimize(user)
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const problem = (await res.json()) as { code: string; detail: string; reviews: number; reviewsNeeded: number }
    expect(problem.code).toBe('not_enough_history')
    expect(problem.reviewsNeeded).toBe(400)
    expect(problem.reviews).toBeLessThan(400)
    expect(problem.detail).toContain(`${400 - problem.reviews} more are needed`)
    expect((await settingsOf(user)).fsrsWeights).toBeNull()
  })

  it('leaves quiz and exam answers out of the history it fits', async () => {
    for (const origin of ['quiz', 'exam'] as const) {
      const { user } = await userWithHistory(history, origin)
      const res = await optimize(user)
      expect(res.status).toBe(422)
      expect(((await res.json()) as { reviews: number }).reviews).toBe(0)
    }
  })

  it('stops a fit that runs past the time limit and saves nothing', async () => {
    const { db } = await createTestDb()
    const app = createApp({
      database: () => db,
      clock: () => Date.UTC(2027, 6, 1),
      passwordParams: testPasswordParams,
      fsrsOptimizer: createNodeOptimizer({ timeoutMs: 1 }),
    })
    const user = await signUp(app)
    await seedReviewHistory(db, user.userId, history)
    const res = await optimize(user)
    expect(res.status).toBe(503)
    expect(((await res.json()) as { detail: string }).detail).toMatch(/took longer than .* nothing was saved/)
    expect((await settingsOf(user)).fsrsWeights).toBeNull()
  })

  it('answers 501 naming the command to run where the runtime has no optimizer (the Worker)', async () => {
    const { db } = await createTestDb()
    const app = createApp({ database: () => db, passwordParams: testPasswordParams, deckTools })
    const user = await signUp(app)
    const res = await optimize(user)
    expect(res.status).toBe(501)
    const problem = (await res.json()) as { code: string; detail: string }
    expect(problem.code).toBe('not_implemented')
    expect(problem.detail).toContain('npm run fsrs:optimize -- --email')
  })
})

describe('"Fit to my reviews" on the settings page', () => {
  it('fits, saves and says so with the held-out figures', async () => {
    const { user } = await userWithHistory()
    expect(await (await user.browser.request('/settings')).text()).toMatch(
      /scheduled with FSRS-6(&#39;|')s default parameters/,
    )
    const res = await user.browser.submit('/settings/optimize', {})
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/Fitted on \d+ reviews; on the \d+ held out of the fit, log loss 0\.\d{4} with the parameters/)
    expect(html).toContain('Your own parameters now schedule your cards.')
    expect(html).toContain('fitted to your own reviews')
    expect((await settingsOf(user)).fsrsWeights).toHaveLength(21)
  }, 60_000)

  it('says how many more reviews are needed when the history is short', async () => {
    const { user } = await userWithHistory(history.slice(0, 300))
    const res = await user.browser.submit('/settings/optimize', {})
    expect(res.status).toBe(422)
    expect(await res.text()).toMatch(/role="alert">Fitting needs at least 400 reviews .* more are needed/)
  })

  it('refuses a post without the CSRF token', async () => {
    const { user } = await userWithHistory(history.slice(0, 10))
    const res = await user.browser.request('/settings/optimize', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: user.browser.origin },
      body: '',
    })
    expect(res.status).toBe(403)
  })
})

describe('fsrsWeights in GET/PUT /api/v1/settings', () => {
  const fitted = [
    0.9, 3.2, 6.3, 11.2, 6.4, 0.76, 3.08, 0.034, 1.8, 0.18, 0.73, 1.5, 0.05, 0.33, 1.65, 0.62, 1.84, 0.5, 0.09, 0.06,
    0.1,
  ]

  it('is null (FSRS-6 defaults) until set, takes 21 numbers, and null restores the defaults', async () => {
    const t = await createTestApp()
    const user = await signUp(t.app)
    expect((await settingsOf(user)).fsrsWeights).toBeNull()
    const put = (json: unknown) => user.browser.request('/api/v1/settings', { method: 'PUT', json })
    expect((await put({ fsrsWeights: fitted })).status).toBe(200)
    expect((await settingsOf(user)).fsrsWeights).toEqual(fitted)
    expect((await put({ fsrsWeights: null })).status).toBe(200)
    expect((await settingsOf(user)).fsrsWeights).toBeNull()
  })

  it('refuses a wrong count or a parameter out of range, naming the field', async () => {
    const t = await createTestApp()
    const user = await signUp(t.app)
    const put = async (json: unknown) => {
      const res = await user.browser.request('/api/v1/settings', { method: 'PUT', json })
      return { status: res.status, detail: ((await res.json()) as { detail: string }).detail }
    }
    expect(await put({ fsrsWeights: fitted.slice(1) })).toMatchObject({
      status: 400,
      detail: expect.stringContaining('fsrsWeights must be a list of 21 numbers'),
    })
    expect(await put({ fsrsWeights: fitted.map((w, i) => (i === 4 ? 11 : w)) })).toMatchObject({
      status: 400,
      detail: expect.stringContaining('fsrsWeights[4] must be from 1 to 10'),
    })
    expect(await put({ fsrsWeights: fitted.map(String) })).toMatchObject({ status: 400 })
    expect((await settingsOf(user)).fsrsWeights).toBeNull()
  })
})
