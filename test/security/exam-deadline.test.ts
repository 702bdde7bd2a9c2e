import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { exams } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { seedExamDeck } from '../helpers/exam-deck'

/**
 * Guards whose tests could not fail (issue 11): every deadline test sent an answer after the
 * deadline first (which scores the exam), so `examView` ignoring the deadline passed; and the
 * clock stood exactly at the deadline when the exam was scored, so stamping "now" instead of
 * `endsAt` passed too. Here the exam is read (or submitted) well after its deadline, and
 * nothing else touches it first.
 */

const minute = 60_000

interface Started {
  id: string
  endsAt: string
  questions: { id: string; options?: { id: string }[] }[]
}

async function setup() {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  await seedExamDeck(t.db)
  const user = await signUp(t.app)
  await user.browser.request('/api/v1/settings', { method: 'PUT', json: { fuzz: false, timezone: 'UTC' } })
  return { ...t, user, clock }
}

async function startAndAnswerOne(browser: Browser): Promise<Started> {
  const res = await browser.request('/api/v1/exams', {
    method: 'POST',
    json: { deck: 'docker', questionCount: 5, minutes: 2, format: 'mcq' },
  })
  const exam = (await res.json()) as Started
  const [q] = exam.questions as [Started['questions'][number]]
  const put = await browser.request(`/api/v1/exams/${exam.id}/answers/${q.id}`, {
    method: 'PUT',
    json: { choice: q.options?.[0]?.id },
  })
  expect(put.status).toBe(200)
  return exam
}

describe('an exam past its deadline', () => {
  it('is shown scored when it is first read after the deadline, nothing else having scored it', async () => {
    const { user, clock } = await setup()
    const exam = await startAndAnswerOne(user.browser)
    clock.advance(7 * minute)
    const view = (await (await user.browser.request(`/api/v1/exams/${exam.id}`)).json()) as Record<string, unknown>
    expect(view).toMatchObject({ status: 'submitted', autoSubmitted: true, total: 5 })
    expect(view).not.toHaveProperty('questionCount')
  })

  it('is stamped with its deadline, not with the time it was scored, when read late', async () => {
    const { db, user, clock } = await setup()
    const exam = await startAndAnswerOne(user.browser)
    clock.advance(7 * minute)
    const view = (await (await user.browser.request(`/api/v1/exams/${exam.id}`)).json()) as { submittedAt: string }
    expect(view.submittedAt).toBe(exam.endsAt)
    const [row] = await db.select().from(exams).where(eq(exams.id, exam.id))
    expect(row?.submittedAt).toBe(Date.parse(exam.endsAt))
  })

  it('is stamped with its deadline when the candidate submits late', async () => {
    const { user, clock } = await setup()
    const exam = await startAndAnswerOne(user.browser)
    clock.advance(3 * minute)
    const res = await user.browser.request(`/api/v1/exams/${exam.id}/submit`, { method: 'POST' })
    expect(await res.json()).toMatchObject({ autoSubmitted: true, submittedAt: exam.endsAt })
  })

  it('is stamped with the time of the submit when submitted before its deadline', async () => {
    const { user, clock } = await setup()
    const exam = await startAndAnswerOne(user.browser)
    clock.advance(minute)
    const res = await user.browser.request(`/api/v1/exams/${exam.id}/submit`, { method: 'POST' })
    expect(await res.json()).toMatchObject({ autoSubmitted: false, submittedAt: new Date(clock.now).toISOString() })
  })
})
