import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { cardStates, reviewLogs } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { type ExamCard, seedExamDeck } from '../helpers/exam-deck'

interface Question {
  id: string
  kind: string
  topic: string
  prompt: string
  options: { id: string; text: string }[]
}
interface Quiz {
  id: string
  questions: Question[]
}

async function setup() {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  const cards = await seedExamDeck(t.db)
  const user = await signUp(t.app)
  await user.browser.request('/api/v1/settings', { method: 'PUT', json: { fuzz: false, timezone: 'UTC' } })
  return { ...t, cards, user }
}

async function startQuiz(browser: Browser, body: Record<string, unknown> = {}): Promise<Quiz> {
  const res = await browser.request('/api/v1/quizzes', { method: 'POST', json: { deck: 'docker', count: 6, ...body } })
  expect(res.status).toBe(201)
  return (await res.json()) as Quiz
}

const cardOf = (cards: ExamCard[], q: Question) => cards[Number(/(\d+)/.exec(q.prompt)?.[1])] as ExamCard
const right = (cards: ExamCard[], q: Question) => q.options.find((o) => o.text === cardOf(cards, q).answer)?.id
const wrong = (cards: ExamCard[], q: Question) => q.options.find((o) => o.text !== cardOf(cards, q).answer)?.id

const answer = (browser: Browser, quiz: Quiz, q: Question, choice: string | undefined) =>
  browser.request(`/api/v1/quizzes/${quiz.id}/answers/${q.id}`, { method: 'POST', json: { choice } })

describe('quick quizzes', () => {
  it('asks multiple-choice questions that give away no answer', async () => {
    const { user, cards } = await setup()
    const res = await user.browser.request('/api/v1/quizzes', { method: 'POST', json: { count: 8, topics: ['cli'] } })
    const text = await res.text()
    const quiz = JSON.parse(text) as Quiz
    expect(quiz.questions).toHaveLength(8)
    expect(quiz.questions.every((q) => q.kind === 'mcq' && q.topic === 'cli' && q.options.length === 4)).toBe(true)
    for (const word of ['answerOptionId', 'cardId', 'answerHtml']) expect(text).not.toContain(word)
    for (const card of cards) expect(text).not.toContain(card.id)
  })

  it('says at once whether an answer was right, with the answer and the source note', async () => {
    const { user, cards } = await setup()
    const quiz = await startQuiz(user.browser)
    const q = quiz.questions[0] as Question
    const res = await answer(user.browser, quiz, q, wrong(cards, q))
    expect(res.status).toBe(200)
    const card = cardOf(cards, q)
    const n = Number(card.id.slice(5))
    expect(await res.json()).toMatchObject({
      correct: false,
      answer: { optionId: right(cards, q), text: card.answer },
      source: {
        file: `${card.topic}.md`,
        line: 10 + n,
        anchor: `section-${n}`,
        url: `/decks/docker/notes/${card.topic}#section-${n}`,
      },
    })
    const ok = await answer(
      user.browser,
      quiz,
      quiz.questions[1] as Question,
      right(cards, quiz.questions[1] as Question),
    )
    expect(await ok.json()).toMatchObject({ correct: true })
  })

  it('ends with a summary giving, for each question answered, the option picked beside the right one', async () => {
    const { user, cards } = await setup()
    const quiz = await startQuiz(user.browser, { count: 2 })
    const [first, second] = quiz.questions as [Question, Question]
    const picked = wrong(cards, first)
    await answer(user.browser, quiz, first, picked)
    await answer(user.browser, quiz, second, right(cards, second))
    const page = await (await user.browser.request(`/quiz/${quiz.id}?q=done`)).text()
    expect(page).toContain('1 of 2 right')
    const pairs = [...page.matchAll(/<dt>Right answer<\/dt><dd>([^<]*)<\/dd><dt>Your answer<\/dt><dd>([^<]*)<\/dd>/g)]
    const plain = (text: string | undefined) =>
      text
        ?.replaceAll('&amp;', '&')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
    expect(pairs.map((m) => [plain(m[1]), plain(m[2])])).toEqual([
      [cardOf(cards, first).answer, first.options.find((o) => o.id === picked)?.text],
      [cardOf(cards, second).answer, cardOf(cards, second).answer],
    ])
  })

  it('counts a wrong answer as a lapse and starts an unseen card answered right, once each', async () => {
    const { user, cards, db } = await setup()
    const quiz = await startQuiz(user.browser)
    const [a, b] = quiz.questions as [Question, Question]
    await answer(user.browser, quiz, a, wrong(cards, a))
    await answer(user.browser, quiz, a, wrong(cards, a))
    await answer(user.browser, quiz, b, right(cards, b))
    const logs = await db.select().from(reviewLogs)
    expect(logs.map((l) => [l.cardId, l.rating, l.origin])).toEqual([
      [cardOf(cards, a).id, 1, 'quiz'],
      [cardOf(cards, b).id, 3, 'quiz'],
    ])
    const [state] = await db
      .select()
      .from(cardStates)
      .where(eq(cardStates.cardId, cardOf(cards, a).id))
    expect(state?.state).toBe(1)
    const next = (await (await user.browser.request('/api/v1/review/next?deck=docker')).json()) as {
      doneToday: number
      remaining: { new: number }
    }
    expect(next.doneToday).toBe(0)
  })

  it('leaves the schedule of a card in study alone when it is answered right', async () => {
    const { user, cards, db } = await setup()
    const quiz = await startQuiz(user.browser)
    const q = quiz.questions[0] as Question
    const card = cardOf(cards, q)
    await user.browser.request('/api/v1/reviews', { method: 'POST', json: { cardId: card.id, rating: 'good' } })
    const [before] = await db.select().from(cardStates).where(eq(cardStates.cardId, card.id))
    await answer(user.browser, quiz, q, right(cards, q))
    const [after] = await db.select().from(cardStates).where(eq(cardStates.cardId, card.id))
    expect(after).toEqual(before)
    expect(await db.select().from(reviewLogs).where(eq(reviewLogs.origin, 'quiz'))).toHaveLength(0)
  })

  it('refuses a second, different answer to the same question', async () => {
    const { user, cards } = await setup()
    const quiz = await startQuiz(user.browser)
    const q = quiz.questions[0] as Question
    await answer(user.browser, quiz, q, wrong(cards, q))
    const res = await answer(user.browser, quiz, q, right(cards, q))
    expect(res.status).toBe(409)
    expect(await res.json()).toMatchObject({ field: 'questionId' })
    expect(await (await answer(user.browser, quiz, q, 'z')).json()).toMatchObject({ status: 400, field: 'choice' })
  })

  it('shows the verdicts of answered questions only, and 404 to anyone else', async () => {
    const { app, user, cards } = await setup()
    const quiz = await startQuiz(user.browser)
    const q = quiz.questions[0] as Question
    await answer(user.browser, quiz, q, right(cards, q))
    const view = (await (await user.browser.request(`/api/v1/quizzes/${quiz.id}`)).json()) as {
      answered: number
      correct: number
      answers: Record<string, unknown>
    }
    expect(view).toMatchObject({ answered: 1, correct: 1 })
    expect(Object.keys(view.answers)).toEqual([q.id])
    const other = await signUp(app, 'Eve')
    expect((await other.browser.request(`/api/v1/quizzes/${quiz.id}`)).status).toBe(404)
    expect((await answer(other.browser, quiz, q, right(cards, q))).status).toBe(404)
    expect((await other.browser.request(`/api/v1/exams/${quiz.id}`)).status).toBe(404)
  })
})
