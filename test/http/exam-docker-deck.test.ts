import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../src/content/load'
import { syncContent } from '../../src/services/content-sync'
import { createClock, createTestApp, signUp } from '../helpers/app'

interface Question {
  id: string
  kind: 'mcq' | 'domc' | 'typein'
  topic: string
  options?: { id: string; text: string }[]
}

describe('a full mock exam on the shipped Docker deck', () => {
  it('builds 55 questions in 90 minutes over every topic of the deck (my notes only), takes answers and scores them by topic', async () => {
    const clock = createClock(Date.UTC(2026, 0, 15, 12))
    const t = await createTestApp({ clock })
    await syncContent(t.db, 'content', clock.now)
    const { browser } = await signUp(t.app)

    const res = await browser.request('/api/v1/exams', {
      method: 'POST',
      json: { deck: 'docker', format: 'mixed', draw: 'notes' },
    })
    expect(res.status).toBe(201)
    const exam = (await res.json()) as { id: string; endsAt: string; questions: Question[] }
    expect(exam.questions).toHaveLength(55)
    expect(Date.parse(exam.endsAt) - clock.now).toBe(90 * 60_000)
    const deck = await loadDeck('content/docker')
    expect(new Set(exam.questions.map((q) => q.topic))).toEqual(new Set(deck.topics.map((topic) => topic.slug)))
    expect(new Set(exam.questions.map((q) => q.id)).size).toBe(55)

    for (const question of exam.questions) {
      clock.advance(60_000)
      const body =
        question.kind === 'mcq'
          ? { choice: question.options?.[0]?.id }
          : question.kind === 'domc'
            ? { optionId: question.options?.[0]?.id, judgement: true }
            : { text: 'docker ps' }
      const put = await browser.request(`/api/v1/exams/${exam.id}/answers/${question.id}`, {
        method: 'PUT',
        json: body,
      })
      expect(put.status, JSON.stringify(question)).toBe(200)
    }
    const submitted = await browser.request(`/api/v1/exams/${exam.id}/submit`, { method: 'POST' })
    expect(submitted.status).toBe(200)
    const result = (await submitted.json()) as {
      total: number
      correct: number
      score: number
      passed: boolean
      topics: { topic: string; correct: number; total: number }[]
    }
    expect(result.total).toBe(55)
    expect(result.topics.reduce((sum, t) => sum + t.total, 0)).toBe(55)
    expect(result.topics.reduce((sum, t) => sum + t.correct, 0)).toBe(result.correct)
    expect(result.score).toBeCloseTo(result.correct / 55, 10)
    expect(result.passed).toBe(result.score >= 0.65)
  })
})
