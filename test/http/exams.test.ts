import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { reviewLogs } from '../../src/db/schema'
import { type Browser, createClock, createTestApp, signUp } from '../helpers/app'
import { type ExamCard, seedExamDeck } from '../helpers/exam-deck'

const minute = 60_000

interface Option {
  id: string
  text: string
}
interface PublicQuestion {
  id: string
  kind: 'mcq' | 'domc' | 'typein'
  topic: string
  prompt: string
  options?: Option[]
}
interface Started {
  id: string
  endsAt: string
  questions: PublicQuestion[]
}
interface Result {
  status: 'submitted'
  score: number
  correct: number
  total: number
  passed: boolean
  seed: string
  autoSubmitted: boolean
  topics: { topic: string; title: string; correct: number; total: number }[]
  questions: { id: string; correct: boolean; answer: { text: string }; given: unknown; source: { url: string } }[]
}

async function setup() {
  const clock = createClock(Date.UTC(2026, 0, 15, 12, 0, 0))
  const t = await createTestApp({ clock })
  const cards = await seedExamDeck(t.db)
  const user = await signUp(t.app)
  await user.browser.request('/api/v1/settings', { method: 'PUT', json: { fuzz: false, timezone: 'UTC' } })
  return { ...t, cards, user, clock }
}

async function start(browser: Browser, body: Record<string, unknown>): Promise<Started> {
  const res = await browser.request('/api/v1/exams', { method: 'POST', json: { deck: 'docker', ...body } })
  expect(res.status).toBe(201)
  return (await res.json()) as Started
}

const put = (browser: Browser, examId: string, questionId: string, json: unknown) =>
  browser.request(`/api/v1/exams/${examId}/answers/${questionId}`, { method: 'PUT', json })

async function submit(browser: Browser, examId: string): Promise<Result> {
  const res = await browser.request(`/api/v1/exams/${examId}/submit`, { method: 'POST' })
  expect(res.status).toBe(200)
  return (await res.json()) as Result
}

/** The card a question asks, found by its prompt ("Question number 3?" asks card-03). */
function cardOf(cards: ExamCard[], q: PublicQuestion): ExamCard {
  const n = Number(/(\d+)/.exec(q.prompt)?.[1])
  return cards[n] as ExamCard
}

const rightOption = (cards: ExamCard[], q: PublicQuestion) => q.options?.find((o) => o.text === cardOf(cards, q).answer)
const wrongOption = (cards: ExamCard[], q: PublicQuestion) => q.options?.find((o) => o.text !== cardOf(cards, q).answer)

describe('starting a mock exam', () => {
  it('returns questions that give away no answer, no card id and no answer key', async () => {
    const { user, cards } = await setup()
    const res = await user.browser.request('/api/v1/exams', {
      method: 'POST',
      json: { deck: 'docker', questionCount: 20, minutes: 30, format: 'mixed' },
    })
    const text = await res.text()
    const exam = JSON.parse(text) as Started
    expect(exam.questions).toHaveLength(20)
    for (const word of ['answerOptionId', 'cardId', 'extraOption', 'answerHtml', 'caseSensitive', 'seed']) {
      expect(text).not.toContain(word)
    }
    for (const card of cards) expect(text).not.toContain(card.id)
    const typein = exam.questions.filter((q) => q.kind === 'typein')
    expect(typein.length).toBeGreaterThan(0)
    for (const q of typein) expect(text).not.toContain(cardOf(cards, q).answer)
    for (const q of exam.questions.filter((q) => q.kind === 'domc')) expect(q.options).toHaveLength(1)
  })

  it('replays the same questions for the same seed, as the result tells it', async () => {
    const { user } = await setup()
    const first = await start(user.browser, { questionCount: 12, format: 'mcq' })
    const result = await submit(user.browser, first.id)
    const again = await start(user.browser, { questionCount: 12, format: 'mcq', seed: result.seed })
    expect(again.id).not.toBe(first.id)
    expect(again.questions).toEqual(first.questions)
    const other = await start(user.browser, { questionCount: 12, format: 'mcq', seed: `${result.seed}x` })
    expect(other.questions).not.toEqual(first.questions)
  })

  it('names the field for an unknown topic or deck', async () => {
    const { user } = await setup()
    const topic = await user.browser.request('/api/v1/exams', { method: 'POST', json: { topics: ['swarm'] } })
    expect(topic.status).toBe(400)
    expect(await topic.json()).toMatchObject({ field: 'topics' })
    const deck = await user.browser.request('/api/v1/exams', { method: 'POST', json: { deck: 'kubernetes' } })
    expect(deck.status).toBe(404)
    expect(await deck.json()).toMatchObject({ field: 'deck' })
    const count = await user.browser.request('/api/v1/exams', { method: 'POST', json: { questionCount: 0 } })
    expect(await count.json()).toMatchObject({ status: 400, field: 'questionCount' })
  })
})

describe('answering and scoring', () => {
  it('scores by topic, counting the last answer given before submit', async () => {
    const { user, cards } = await setup()
    const exam = await start(user.browser, { questionCount: 14, format: 'mcq' })
    for (const q of exam.questions) {
      const right = q.topic === 'architecture'
      if (right)
        expect((await put(user.browser, exam.id, q.id, { choice: wrongOption(cards, q)?.id })).status).toBe(200)
      const option = right ? rightOption(cards, q) : wrongOption(cards, q)
      const res = await put(user.browser, exam.id, q.id, { choice: option?.id })
      expect(await res.json()).toEqual({ questionId: q.id, answered: true, flagged: false })
    }
    const result = await submit(user.browser, exam.id)
    const byTopic = Object.fromEntries(result.topics.map((t) => [t.topic, t]))
    const architecture = exam.questions.filter((q) => q.topic === 'architecture').length
    expect(byTopic.architecture).toEqual({
      topic: 'architecture',
      title: 'Architecture',
      correct: architecture,
      total: architecture,
    })
    expect(byTopic.cli).toMatchObject({ title: 'The docker CLI', correct: 0, total: 14 - architecture })
    expect(result.score).toBeCloseTo(architecture / 14, 10)
    expect(result.passed).toBe(architecture / 14 >= 0.65)
    expect(result.questions[0]?.source.url).toMatch(/^\/decks\/docker\/notes\/(architecture|cli)#section-\d+$/)
  })

  it('shows a flag alone in the navigator state without answering', async () => {
    const { user } = await setup()
    const exam = await start(user.browser, { questionCount: 5, format: 'mcq' })
    const q = exam.questions[2] as PublicQuestion
    expect((await put(user.browser, exam.id, q.id, { flagged: true })).status).toBe(200)
    const view = (await (await user.browser.request(`/api/v1/exams/${exam.id}`)).json()) as {
      answers: Record<string, { answered: boolean; flagged: boolean }>
    }
    expect(view.answers[q.id]).toEqual({ answered: false, flagged: true })
  })

  it('refuses an answer of the wrong shape, naming the field', async () => {
    const { user } = await setup()
    const exam = await start(user.browser, { questionCount: 5, format: 'mcq' })
    const q = exam.questions[0] as PublicQuestion
    expect(await (await put(user.browser, exam.id, q.id, { text: 'runc' })).json()).toMatchObject({ field: 'text' })
    expect(await (await put(user.browser, exam.id, q.id, { choice: 'z' })).json()).toMatchObject({ field: 'choice' })
    expect((await put(user.browser, exam.id, q.id, {})).status).toBe(400)
    expect((await put(user.browser, exam.id, 'q-nosuchid', { choice: 'a' })).status).toBe(404)
  })

  it('submits once: submitting again returns the same result', async () => {
    const { user, clock } = await setup()
    const exam = await start(user.browser, { questionCount: 5, format: 'mcq' })
    const first = await submit(user.browser, exam.id)
    clock.advance(minute)
    expect(await submit(user.browser, exam.id)).toEqual(first)
    const late = await put(user.browser, exam.id, exam.questions[0]?.id ?? '', { choice: 'a' })
    expect(late.status).toBe(409)
    expect(await late.json()).toMatchObject({ code: 'conflict' })
  })
})

describe('the deadline', () => {
  it('is enforced by the server: answers after endsAt are refused and the exam is scored', async () => {
    const { user, clock, cards } = await setup()
    const exam = await start(user.browser, { questionCount: 5, minutes: 2, format: 'mcq' })
    expect(Date.parse(exam.endsAt) - clock.now).toBe(2 * minute)
    const [q1, q2] = exam.questions as [PublicQuestion, PublicQuestion]
    clock.advance(2 * minute - 1)
    expect((await put(user.browser, exam.id, q1.id, { choice: rightOption(cards, q1)?.id })).status).toBe(200)
    clock.advance(1)
    const late = await put(user.browser, exam.id, q2.id, { choice: rightOption(cards, q2)?.id })
    expect(late.status).toBe(409)
    expect(await late.json()).toMatchObject({ code: 'deadline_passed', endsAt: exam.endsAt })
    const view = (await (await user.browser.request(`/api/v1/exams/${exam.id}`)).json()) as Result
    expect(view).toMatchObject({ status: 'submitted', autoSubmitted: true, correct: 1, total: 5 })
    expect(await submit(user.browser, exam.id)).toEqual(view)
  })

  it('scores an expired exam when the history is read', async () => {
    const { user, clock } = await setup()
    const exam = await start(user.browser, { questionCount: 5, minutes: 1, format: 'mcq', topics: ['cli'] })
    clock.advance(5 * minute)
    const res = await user.browser.request('/api/v1/exams')
    const { exams } = (await res.json()) as { exams: Record<string, unknown>[] }
    expect(exams).toHaveLength(1)
    expect(exams[0]).toMatchObject({ id: exam.id, status: 'submitted', score: 0, passed: false, questionCount: 5 })
    expect(exams[0]?.topics).toEqual(['cli'])
  })
})

describe('DOMC items', () => {
  it('end at the first wrong judgement, say nothing about correctness and cannot be changed', async () => {
    const { user, cards } = await setup()
    const exam = await start(user.browser, { questionCount: 6, format: 'domc' })
    const [wrongFirst, rightItem] = exam.questions as [PublicQuestion, PublicQuestion]
    // Say YES to whatever is shown first in one item: right only if it is the answer.
    const shown = wrongFirst.options?.[0] as Option
    const yes = await put(user.browser, exam.id, wrongFirst.id, { optionId: shown.id, judgement: true })
    const body = (await yes.json()) as { finished: boolean; nextOptionId?: string; correct?: unknown }
    expect(body).not.toHaveProperty('correct')
    if (!body.finished) {
      // One extra option after a decided item, so its ending does not betray the verdict.
      const extra = await put(user.browser, exam.id, wrongFirst.id, { optionId: body.nextOptionId, judgement: false })
      expect(await extra.json()).toMatchObject({ finished: true })
    }
    const again = await put(user.browser, exam.id, wrongFirst.id, { optionId: shown.id, judgement: false })
    expect(again.status).toBe(409)
    // In the other item, NO to each wrong option until the answer, then YES.
    let option = rightItem.options?.[0] as Option
    for (let i = 0; i < 4; i++) {
      const isAnswer = option.text === cardOf(cards, rightItem).answer
      const res = await put(user.browser, exam.id, rightItem.id, { optionId: option.id, judgement: isAnswer })
      const step = (await res.json()) as { finished: boolean; nextOption?: Option }
      if (isAnswer || step.finished || !step.nextOption) break
      option = step.nextOption
    }
    const skip = await put(user.browser, exam.id, exam.questions[2]?.id ?? '', { optionId: 'd', judgement: true })
    expect(skip.status).toBe(400)
    const result = await submit(user.browser, exam.id)
    expect(result.questions[0]?.correct).toBe(shown.text === cardOf(cards, wrongFirst).answer)
    expect(result.questions[1]?.correct).toBe(true)
  })

  it('count NO to the right option as wrong', async () => {
    const { user, cards } = await setup()
    const exam = await start(user.browser, { questionCount: 6, format: 'domc' })
    const q = exam.questions[0] as PublicQuestion
    let option = q.options?.[0] as Option
    while (option.text !== cardOf(cards, q).answer) {
      const step = (await (
        await put(user.browser, exam.id, q.id, { optionId: option.id, judgement: false })
      ).json()) as {
        nextOption: Option
      }
      option = step.nextOption
    }
    await put(user.browser, exam.id, q.id, { optionId: option.id, judgement: false })
    expect((await submit(user.browser, exam.id)).questions[0]?.correct).toBe(false)
  })
})

describe('feedback into the schedule and privacy', () => {
  it('records one log per answered question at submit: again when wrong, good on an unseen card', async () => {
    const { user, cards, db } = await setup()
    const exam = await start(user.browser, { questionCount: 4, format: 'mcq', topics: ['architecture'] })
    const [a, b, , d] = exam.questions as PublicQuestion[]
    const studied = cardOf(cards, d as PublicQuestion)
    await user.browser.request('/api/v1/reviews', { method: 'POST', json: { cardId: studied.id, rating: 'good' } })
    await put(user.browser, exam.id, (a as PublicQuestion).id, { choice: wrongOption(cards, a as PublicQuestion)?.id })
    await put(user.browser, exam.id, (b as PublicQuestion).id, { choice: rightOption(cards, b as PublicQuestion)?.id })
    await put(user.browser, exam.id, (d as PublicQuestion).id, { choice: rightOption(cards, d as PublicQuestion)?.id })
    expect(await db.select().from(reviewLogs).where(eq(reviewLogs.origin, 'exam'))).toHaveLength(0)
    await submit(user.browser, exam.id)
    await submit(user.browser, exam.id)
    const logs = await db.select().from(reviewLogs).where(eq(reviewLogs.origin, 'exam'))
    expect(logs.map((l) => [l.cardId, l.rating]).sort()).toEqual(
      [
        [cardOf(cards, a as PublicQuestion).id, 1],
        [cardOf(cards, b as PublicQuestion).id, 3],
      ].sort(),
    )
    const next = (await (await user.browser.request('/api/v1/review/next?deck=docker')).json()) as { doneToday: number }
    expect(next.doneToday).toBe(1)
  })

  it('answers 404 for another user’s exam, whatever the method', async () => {
    const { app, user } = await setup()
    const exam = await start(user.browser, { questionCount: 3, format: 'mcq' })
    const other = await signUp(app, 'Eve')
    const q = exam.questions[0] as PublicQuestion
    expect((await other.browser.request(`/api/v1/exams/${exam.id}`)).status).toBe(404)
    expect((await put(other.browser, exam.id, q.id, { choice: 'a' })).status).toBe(404)
    expect((await other.browser.request(`/api/v1/exams/${exam.id}/submit`, { method: 'POST' })).status).toBe(404)
    const history = (await (await other.browser.request('/api/v1/exams')).json()) as { exams: unknown[] }
    expect(history.exams).toHaveLength(0)
    expect((await user.browser.request(`/api/v1/exams/${exam.id}`)).status).toBe(200)
  })
})

describe('the exam pages without JavaScript', () => {
  it('start an exam, save and flag answers, submit and show the result through plain forms', async () => {
    const { user, cards } = await setup()
    const started = await user.browser.submit('/exams', {
      deck: 'docker',
      questionCount: '3',
      minutes: '5',
      format: 'mcq',
    })
    expect(started.status).toBe(303)
    const examUrl = started.headers.get('location') ?? ''
    const examId = examUrl.split('/').pop() ?? ''
    const page = await (await user.browser.request(examUrl)).text()
    expect(page).toContain('Question 1')
    expect(page).toMatch(/Time left.*5:00/s)
    expect(page).not.toMatch(/style="/)
    const api = (await (await user.browser.request(`/api/v1/exams/${examId}`)).json()) as Started
    const q1 = api.questions[0] as PublicQuestion
    const saved = await user.browser.submit(`/exams/${examId}/answer`, {
      question: q1.id,
      q: '1',
      choice: rightOption(cards, q1)?.id ?? '',
      go: 'next',
    })
    expect(saved.headers.get('location')).toBe(`/exams/${examId}?q=2`)
    const q2 = api.questions[1] as PublicQuestion
    await user.browser.submit(`/exams/${examId}/answer`, { question: q2.id, q: '2', flagged: 'true' })
    const second = await (await user.browser.request(`/exams/${examId}?q=2`)).text()
    expect(second).toContain('Remove flag')
    expect(second).toMatch(/2<span class="visually-hidden">, not answered, flagged<\/span>/)
    const submitted = await user.browser.submit(`/exams/${examId}/submit`, {})
    expect(submitted.headers.get('location')).toBe(`/exams/${examId}/result`)
    const result = await (await user.browser.request(`/exams/${examId}/result`)).text()
    expect(result).toContain('1 of 3 questions right')
    expect(result).toContain('<svg class="chart exam-bars"')
    expect(result).toMatch(/href="\/decks\/docker\/notes\/(architecture|cli)#section-\d+"/)
    expect((await user.browser.request(`/exams/${examId}`)).headers.get('location')).toBe(`/exams/${examId}/result`)
  })

  it('show the start form again with the field named when it is wrong', async () => {
    const { user } = await setup()
    const res = await user.browser.submit('/exams', {
      deck: 'docker',
      questionCount: '0',
      minutes: '90',
      format: 'mcq',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('questionCount must be a whole number from 1 to 200')
    expect(html).toMatch(/id="questionCount"[^>]*aria-invalid="true"/)
  })
})
