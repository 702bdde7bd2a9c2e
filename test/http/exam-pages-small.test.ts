import { describe, expect, it } from 'vitest'
import { createClock, createTestApp, signUp } from '../helpers/app'
import { seedExamDeck } from '../helpers/exam-deck'

async function setup(format: string, questionCount: number) {
  const t = await createTestApp({ clock: createClock(Date.UTC(2026, 0, 15, 12)) })
  await seedExamDeck(t.db)
  const user = await signUp(t.app)
  const res = await user.browser.request('/api/v1/exams', {
    method: 'POST',
    json: { deck: 'docker', format, questionCount },
  })
  expect(res.status).toBe(201)
  const exam = (await res.json()) as { id: string; questions: { id: string; kind: string }[] }
  return { user, exam }
}

describe('an exam question page', () => {
  it('offers "Skip for now" on a multiple-choice question, as on a DOMC one, until it is answered', async () => {
    const { user, exam } = await setup('mcq', 3)
    const first = await (await user.browser.request(`/exams/${exam.id}?q=1`)).text()
    expect(first).toContain(`<a class="button secondary" href="/exams/${exam.id}?q=2">Skip for now</a>`)
    const last = await (await user.browser.request(`/exams/${exam.id}?q=3`)).text()
    expect(last).not.toContain('Skip for now')
  })

  it('puts the cursor in the type-in box', async () => {
    const { user, exam } = await setup('mixed', 40)
    const index = exam.questions.findIndex((q) => q.kind === 'typein')
    expect(index).toBeGreaterThanOrEqual(0)
    const page = await (await user.browser.request(`/exams/${exam.id}?q=${index + 1}`)).text()
    expect(page).toMatch(/<input id="answer-text"[^>]*autofocus/)
  })

  it('says on the result that unanswered questions change nothing, not that they count as lapses', async () => {
    const { user, exam } = await setup('mcq', 3)
    await user.browser.request(`/api/v1/exams/${exam.id}/submit`, { method: 'POST' })
    const result = await (await user.browser.request(`/exams/${exam.id}/result`)).text()
    expect(result).not.toContain('count as lapses')
    expect(result).toContain('questions left unanswered change nothing')
  })
})
