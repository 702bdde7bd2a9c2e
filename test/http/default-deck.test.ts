import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import type { Db } from '../../src/db/index'
import { cards, decks, topics } from '../../src/db/schema'
import { createDeps } from '../../src/deps'
import { createClock, signUp, testPasswordParams } from '../helpers/app'
import { createTestDb } from '../helpers/db'
import { seedExamDeck } from '../helpers/exam-deck'

/** The exam deck again under the slug `kubernetes` (card ids prefixed), so either can be the default. */
async function copyDeck(db: Db, slug: string) {
  const [deck] = await db.select().from(decks).where(eq(decks.slug, 'docker'))
  await db.insert(decks).values({ ...deck!, slug, title: 'Kubernetes' })
  const deckTopics = await db.select().from(topics).where(eq(topics.deck, 'docker'))
  await db.insert(topics).values(deckTopics.map((topic) => ({ ...topic, deck: slug })))
  const deckCards = await db.select().from(cards).where(eq(cards.deck, 'docker'))
  await db.insert(cards).values(deckCards.map((card) => ({ ...card, id: `${slug}-${card.id}`, deck: slug })))
}

/** An app whose configuration names `kubernetes` as the default deck, beside a `docker` deck. */
async function setup(env: Record<string, string>) {
  const { db } = await createTestDb()
  const clock = createClock()
  await seedExamDeck(db)
  await copyDeck(db, 'kubernetes')
  const app = createApp({
    ...createDeps(env, { database: () => db }),
    clock: () => clock.now,
    passwordParams: testPasswordParams,
  })
  const user = await signUp(app)
  return { app, user }
}

describe('the default deck comes from configuration', () => {
  it('is the shipped docker deck unless DEFAULT_DECK names another, and a bad name stops the start', () => {
    const database = () => undefined as never
    expect(createDeps({}, { database }).defaultDeck).toBe('docker')
    expect(createDeps({ DEFAULT_DECK: 'kubernetes' }, { database }).defaultDeck).toBe('kubernetes')
    expect(() => createDeps({ DEFAULT_DECK: 'Not A Slug' }, { database })).toThrow(/DEFAULT_DECK/)
  })

  it('studies, quizzes and examines the configured deck when the API request names none', async () => {
    const { user } = await setup({ DEFAULT_DECK: 'kubernetes' })
    const next = (await (await user.browser.request('/api/v1/review/next')).json()) as { card: { id: string } }
    expect(next.card.id).toMatch(/^kubernetes-/)
    const today = (await (await user.browser.request('/api/v1/review/today')).json()) as { cards: { id: string }[] }
    expect(today.cards.length).toBeGreaterThan(0)
    expect(today.cards.every((card) => card.id.startsWith('kubernetes-'))).toBe(true)

    const quiz = await user.browser.request('/api/v1/quizzes', { method: 'POST', json: { count: 3 } })
    expect(quiz.status).toBe(201)
    const { id: quizId } = (await quiz.json()) as { id: string }
    expect(await (await user.browser.request(`/api/v1/quizzes/${quizId}`)).json()).toMatchObject({ deck: 'kubernetes' })

    const exam = await user.browser.request('/api/v1/exams', {
      method: 'POST',
      json: { questionCount: 3, format: 'mcq' },
    })
    expect(exam.status).toBe(201)
    expect(await exam.json()).toMatchObject({ deck: 'kubernetes' })
    const readiness = await user.browser.request('/api/v1/readiness')
    expect(readiness.status).toBe(200)
  })

  it('starts a quiz and an exam of the configured deck from forms that name no deck', async () => {
    const { user } = await setup({ DEFAULT_DECK: 'kubernetes' })
    const quiz = await user.browser.submit('/quiz', { count: '3' })
    expect(quiz.status).toBe(303)
    const quizId = quiz.headers.get('location')?.match(/^\/quiz\/([^?]+)/)?.[1]
    expect(await (await user.browser.request(`/api/v1/quizzes/${quizId}`)).json()).toMatchObject({ deck: 'kubernetes' })

    const exam = await user.browser.submit('/exams', { questionCount: '3', minutes: '10', format: 'mcq' })
    expect(exam.status).toBe(303)
    const examId = exam.headers.get('location')?.match(/^\/exams\/([^/?]+)/)?.[1]
    expect(await (await user.browser.request(`/api/v1/exams/${examId}`)).json()).toMatchObject({ deck: 'kubernetes' })

    const review = await user.browser.request('/review')
    expect(review.status).toBe(200)
    expect(await review.text()).toContain('Kubernetes')
  })

  it('keeps docker as the default without configuration', async () => {
    const { user } = await setup({})
    const next = (await (await user.browser.request('/api/v1/review/next')).json()) as { card: { id: string } }
    expect(next.card.id).toMatch(/^card-/)
    const quiz = await user.browser.submit('/quiz', { count: '3' })
    const quizId = quiz.headers.get('location')?.match(/^\/quiz\/([^?]+)/)?.[1]
    expect(await (await user.browser.request(`/api/v1/quizzes/${quizId}`)).json()).toMatchObject({ deck: 'docker' })
  })
})
