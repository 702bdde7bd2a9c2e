import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../src/content/load'
import { syncContent } from '../../src/services/content-sync'
import { createClock, createTestApp, signUp } from '../helpers/app'
import { dcaBlueprint, seedBlueprintDeck, seedExamDeck } from '../helpers/exam-deck'

interface Started {
  id: string
  draw: string
  questions: { id: string; topic: string; prompt: string }[]
}

const domainOf = (topic: string) => dcaBlueprint.domains.find((d) => d.topics.includes(topic))?.slug ?? 'none'

function perDomain(questions: { topic: string }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const q of questions) counts[domainOf(q.topic)] = (counts[domainOf(q.topic)] ?? 0) + 1
  return counts
}

async function setup(seed = seedBlueprintDeck) {
  const clock = createClock(Date.UTC(2026, 0, 15, 12))
  const t = await createTestApp({ clock })
  const cards = await seed(t.db)
  const user = await signUp(t.app)
  const start = async (body: Record<string, unknown> = {}) => {
    const res = await user.browser.request('/api/v1/exams', { method: 'POST', json: { deck: 'docker', ...body } })
    return { status: res.status, body: (await res.json()) as Started & { status: number; detail: string } }
  }
  return { ...t, clock, cards, user, start }
}

describe('exams drawn by the DCA blueprint', () => {
  it('draws 55 questions as orchestration 14, images 11, install 8, networking 8, security 8, storage 6', async () => {
    const { start } = await setup()
    const { status, body } = await start({ format: 'mcq' })
    expect(status).toBe(201)
    expect(body.draw).toBe('blueprint')
    expect(body.questions).toHaveLength(55)
    expect(perDomain(body.questions)).toEqual({
      orchestration: 14,
      images: 11,
      install: 8,
      networking: 8,
      security: 8,
      storage: 6,
    })
  })

  it('gives three 55-question exams in a row for the same user no question in common', async () => {
    const { start, clock } = await setup()
    const prompts: string[][] = []
    for (let n = 0; n < 3; n++) {
      clock.advance(60_000)
      const { status, body } = await start({ format: 'mixed' })
      expect(status).toBe(201)
      expect(perDomain(body.questions)).toEqual({
        orchestration: 14,
        images: 11,
        install: 8,
        networking: 8,
        security: 8,
        storage: 6,
      })
      prompts.push(body.questions.map((q) => q.prompt))
    }
    const all = prompts.flat()
    expect(all).toHaveLength(165)
    expect(new Set(all).size).toBe(165)
  })

  it('does not hold back the questions of another user', async () => {
    const t = await setup()
    const first = await t.start()
    const other = await signUp(t.app, 'Grace')
    const res = await other.browser.request('/api/v1/exams', { method: 'POST', json: { deck: 'docker' } })
    const second = (await res.json()) as Started
    // Held back, Grace's exam would share no card with Ada's (as Ada's own next one does not).
    // Drawn freely, 55 of the 165 cards by domain share none with Ada's 55 with a chance of
    // about 4e-11 (the product over the six domains of C(n-k, k) / C(n, k)).
    const asked = new Set(first.body.questions.map((q) => q.prompt))
    expect(second.questions.filter((q) => asked.has(q.prompt)).length).toBeGreaterThan(0)
  })

  it('replays an exam of your own from its seed, recent questions and all', async () => {
    const { start, clock, user } = await setup()
    await start()
    clock.advance(60_000)
    const second = await start()
    const submitted = await user.browser.request(`/api/v1/exams/${second.body.id}/submit`, { method: 'POST' })
    const { seed } = (await submitted.json()) as { seed: string }
    clock.advance(60_000)
    const replay = await start({ seed })
    expect(replay.body.questions.map((q) => q.prompt)).toEqual(second.body.questions.map((q) => q.prompt))
  })

  it('draws from the ticked topics only with "my notes only"', async () => {
    const { start } = await setup()
    const { status, body } = await start({ draw: 'notes', topics: ['storage'], questionCount: 10 })
    expect(status).toBe(201)
    expect(body.draw).toBe('notes')
    expect(new Set(body.questions.map((q) => q.topic))).toEqual(new Set(['storage']))
  })

  it('refuses a blueprint exam limited to some topics, naming the field', async () => {
    const { start } = await setup()
    const { status, body } = await start({ draw: 'blueprint', topics: ['storage'] })
    expect(status).toBe(400)
    expect(body.detail).toMatch(/^topics: /)
  })

  it('refuses the blueprint on a deck that has none, and draws from the notes by default', async () => {
    const { start } = await setup(seedExamDeck)
    const refused = await start({ draw: 'blueprint' })
    expect(refused.status).toBe(400)
    expect(refused.body.detail).toMatch(/^draw: /)
    const plain = await start({ questionCount: 5 })
    expect(plain.status).toBe(201)
    expect(plain.body.draw).toBe('notes')
  })

  it('scores the result by domain, in the blueprint order with its weights', async () => {
    const { start, user } = await setup()
    const exam = await start({ format: 'mcq' })
    const res = await user.browser.request(`/api/v1/exams/${exam.body.id}/submit`, { method: 'POST' })
    const result = (await res.json()) as {
      domains: { domain: string; weight: number; correct: number; total: number }[]
    }
    expect(result.domains.map((d) => [d.domain, d.weight, d.correct, d.total])).toEqual([
      ['orchestration', 25, 0, 14],
      ['images', 20, 0, 11],
      ['install', 15, 0, 8],
      ['networking', 15, 0, 8],
      ['security', 15, 0, 8],
      ['storage', 10, 0, 6],
    ])
  })

  it('shows readiness by domain once an exam date is set', async () => {
    const { user } = await setup()
    await user.browser.request('/api/v1/settings', { method: 'PUT', json: { examDate: '2026-03-01' } })
    const res = await user.browser.request('/api/v1/readiness?deck=docker')
    const body = (await res.json()) as { domains: { domain: string; cards: number; unseen: number; recall: number }[] }
    expect(body.domains.map((d) => [d.domain, d.cards, d.unseen, d.recall])).toEqual([
      ['orchestration', 45, 45, 0],
      ['images', 36, 36, 0],
      ['install', 27, 27, 0],
      ['networking', 27, 27, 0],
      ['security', 27, 27, 0],
      ['storage', 20, 20, 0],
    ])
  })
})

describe('the exam pages with a blueprint', () => {
  it('offers the DCA blueprint or my notes only, and shows the result by domain', async () => {
    const { user, start } = await setup()
    const page = await (await user.browser.request('/exams')).text()
    expect(page).toContain('value="blueprint" checked')
    expect(page).toContain('My notes only')
    const exam = await start({ format: 'mcq' })
    await user.browser.request(`/api/v1/exams/${exam.body.id}/submit`, { method: 'POST' })
    const result = await (await user.browser.request(`/exams/${exam.body.id}/result`)).text()
    expect(result).toContain('Score by exam domain')
    expect(result).toContain(
      '<th scope="row">Storage and volumes</th><td class="num">10%</td><td class="num">0 of 6</td>',
    )
  })
})

describe('the shipped Docker deck drawn by its DCA blueprint', () => {
  it('gives three 55-question exams in a row with the DCA domain counts and no question in common', async () => {
    const clock = createClock(Date.UTC(2026, 0, 15, 12))
    const t = await createTestApp({ clock })
    await syncContent(t.db, 'content', clock.now)
    const { browser } = await signUp(t.app)
    const { blueprint } = await loadDeck('content/docker')
    const domainOf = (topic: string) => blueprint?.domains.find((d) => d.topics.includes(topic))?.slug ?? 'none'
    const seen: string[] = []
    for (let n = 0; n < 3; n++) {
      clock.advance(60_000)
      const res = await browser.request('/api/v1/exams', { method: 'POST', json: { deck: 'docker' } })
      expect(res.status).toBe(201)
      const exam = (await res.json()) as Started
      expect(exam.draw).toBe('blueprint')
      const counts: Record<string, number> = {}
      for (const q of exam.questions) counts[domainOf(q.topic)] = (counts[domainOf(q.topic)] ?? 0) + 1
      expect(counts).toEqual({ orchestration: 14, images: 11, install: 8, networking: 8, security: 8, storage: 6 })
      seen.push(...exam.questions.map((q) => q.prompt))
    }
    expect(new Set(seen).size).toBe(165)
  }, 120_000)
})
