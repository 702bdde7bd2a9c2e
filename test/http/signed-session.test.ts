import { count, eq, isNotNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { exams, reviewLogs } from '../../src/db/schema'
import { signValue } from '../../src/security/signing'
import { Browser, createClock, createTestApp, signUp, type TestApp } from '../helpers/app'
import { seedExamDeck } from '../helpers/exam-deck'

const day = 86_400_000

/** A user who answered one card and started a five-question exam, so answer, undo and submit all have work. */
async function setup() {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  const cards = await seedExamDeck(t.db)
  const user = await signUp(t.app)
  const first = await user.browser.request('/api/v1/reviews', {
    method: 'POST',
    json: { cardId: cards[0]?.id, rating: 'good' },
  })
  expect(first.status).toBe(201)
  const exam = await user.browser.request('/api/v1/exams', {
    method: 'POST',
    json: { deck: 'docker', questionCount: 5, format: 'mcq' },
  })
  expect(exam.status).toBe(201)
  const { id: examId } = (await exam.json()) as { id: string }
  return { ...t, clock, user, cardId: cards[1]?.id ?? '', examId }
}

/** What each route that checks the session in its own batch would write. */
function writes(app: TestApp['app'], cookie: string, cardId: string, examId: string) {
  const as = new Browser(app)
  as.cookies.set('dockdeck_session', cookie)
  return {
    answer: () => as.request('/api/v1/reviews', { method: 'POST', json: { cardId, rating: 'good' } }),
    undo: () => as.request('/api/v1/reviews/undo', { method: 'POST' }),
    submit: () => as.request(`/api/v1/exams/${examId}/submit`, { method: 'POST' }),
    tokens: () => as.request('/api/v1/tokens'),
  }
}

async function written(db: TestApp['db'], examId: string) {
  const [logs] = await db.select({ n: count() }).from(reviewLogs)
  const [undone] = await db.select({ n: count() }).from(reviewLogs).where(isNotNull(reviewLogs.undoneAt))
  const [exam] = await db.select({ submittedAt: exams.submittedAt }).from(exams).where(eq(exams.id, examId))
  return { logs: logs?.n, undone: undone?.n, submitted: exam?.submittedAt ?? null }
}

async function expectRefusedAndNothingWritten(t: Awaited<ReturnType<typeof setup>>, cookie: string) {
  const before = await written(t.db, t.examId)
  const routes = writes(t.app, cookie, t.cardId, t.examId)
  for (const name of ['answer', 'undo', 'submit', 'tokens'] as const) {
    const res = await routes[name]()
    expect(res.status, name).toBe(401)
    expect(res.headers.get('content-type'), name).toMatch(/application\/problem\+json/)
  }
  expect(await written(t.db, t.examId)).toEqual(before)
}

describe('the signed session cookie', () => {
  it('is user id, secret and MAC, and works on the routes that check the session in their own batch', async () => {
    const t = await setup()
    const cookie = t.user.browser.cookies.get('dockdeck_session') ?? ''
    expect(cookie.split('.')).toHaveLength(3)
    expect(cookie.startsWith(`${t.user.userId}.`)).toBe(true)
    const routes = writes(t.app, cookie, t.cardId, t.examId)
    expect((await routes.answer()).status).toBe(201)
    expect((await routes.undo()).status).toBe(200)
    expect((await routes.submit()).status).toBe(200)
  })

  it('refuses a cookie with another user id, an altered secret or MAC, or one signed with another key', async () => {
    const t = await setup()
    const other = await signUp(t.app, 'Mallory')
    const cookie = t.user.browser.cookies.get('dockdeck_session') ?? ''
    const [, secret, mac] = cookie.split('.')
    const flip = (text: string) => `${text.slice(0, -2)}${text.at(-2) === 'A' ? 'B' : 'A'}${text.at(-1)}`
    const forged = [
      `${other.userId}.${secret}.${mac}`,
      `${t.user.userId}.${flip(secret ?? '')}.${mac}`,
      `${t.user.userId}.${secret}.${flip(mac ?? '')}`,
      signValue('another server key of at least 32 chars', 'session', `${t.user.userId}.${secret}`),
      `${t.user.userId}.${secret}`,
      secret ?? '',
    ]
    for (const value of forged) await expectRefusedAndNothingWritten(t, value)
  })

  it("refuses the server's own signature made for another purpose (a review snapshot)", async () => {
    const key = 'a signing key the test knows, 32 characters or more'
    const t = await createTestApp({ deps: { signingKey: key } })
    const user = await signUp(t.app)
    const cookie = user.browser.cookies.get('dockdeck_session') ?? ''
    const payload = cookie.slice(0, cookie.lastIndexOf('.'))
    expect(signValue(key, 'session', payload)).toBe(cookie)
    const as = new Browser(t.app)
    as.cookies.set('dockdeck_session', signValue(key, 'review-snapshot', payload))
    expect((await as.request('/api/v1/reviews/undo', { method: 'POST' })).status).toBe(401)
    expect((await as.request('/api/v1/tokens')).status).toBe(401)
  })

  it('stops working at once on every route when the session is signed out elsewhere', async () => {
    const t = await setup()
    const cookie = t.user.browser.cookies.get('dockdeck_session') ?? ''
    expect((await t.user.browser.request('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204)
    await expectRefusedAndNothingWritten(t, cookie)
  })

  it('stops working when the session has been idle a week', async () => {
    const t = await setup()
    const cookie = t.user.browser.cookies.get('dockdeck_session') ?? ''
    t.clock.advance(7 * day + 1)
    await expectRefusedAndNothingWritten(t, cookie)
  })

  it('stops working when the password is changed from another session', async () => {
    const t = await setup()
    const cookie = t.user.browser.cookies.get('dockdeck_session') ?? ''
    const elsewhere = new Browser(t.app)
    const login = await elsewhere.request('/api/v1/auth/login', {
      method: 'POST',
      json: { email: t.user.email, password: t.user.password },
    })
    expect(login.status).toBe(200)
    const changed = await elsewhere.submit('/account/password', {
      currentPassword: t.user.password,
      newPassword: 'a new correct horse battery',
    })
    expect(changed.status, await changed.clone().text()).toBe(200)
    await expectRefusedAndNothingWritten(t, cookie)
  })
})
