import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { answerExamQuestion, createExam, examHistory, getExam, loadDeckTopics, readiness, submitExam } from '#data'
import type { AppEnv } from '../../env'
import { AppError } from '../../errors'
import type { SignedInEnv } from '../../middleware/caller'
import { type FormBody, field, fields, pageQuerySchema, parseAnswerForm, parseExamForm } from '../../schemas/exam-forms'
import { examParamSchema } from '../../schemas/exams'
import { validate } from '../../validation'
import { ExamQuestionPage } from '../../views/pages/exam-question'
import { ExamResultPage } from '../../views/pages/exam-result'
import { type ExamStartValues, ExamsPage } from '../../views/pages/exams'
import { signedIn } from './signed-in'
import { formError, type RefusedForm, startDecks, startFormRoutes } from './start-form'

const assets = { scripts: ['exam.js'], styles: ['exam.css'] }

async function home(c: Context<SignedInEnv>, slug: string, form?: RefusedForm<ExamStartValues>) {
  const ctx = c.var.user
  const { deck, decks } = await startDecks(c, slug)
  const [ready, history] = await Promise.all([readiness(ctx, deck.slug), examHistory(ctx, 20)])
  const settings = ctx.settings
  return c.render(
    <ExamsPage
      csrfToken={c.var.csrfToken}
      deck={deck}
      decks={decks}
      readiness={ready}
      history={history.exams}
      timeZone={settings.timezone}
      values={form?.values}
      error={formError(c, form)}
    />,
    { title: 'Exams', ...assets },
  )
}

/** Mock exam pages (issue 6): start, take (one question per page), submit, result; quizzes under /quiz. */
export const examPages = new Hono<AppEnv>()
  .use('/exams', signedIn)
  .use('/exams/*', signedIn)
  .route(
    '/',
    startFormRoutes('/exams', {
      page: home,
      start: async (ctx, body, defaultDeck) => `/exams/${(await createExam(ctx, parseExamForm(body, defaultDeck))).id}`,
      // A replay (a result's "again" button) has no form to show again.
      typed: (body) =>
        field(body, 'seed')
          ? undefined
          : {
              draw: field(body, 'draw'),
              topics: fields(body, 'topics'),
              questionCount: field(body, 'questionCount'),
              minutes: field(body, 'minutes'),
              format: field(body, 'format'),
            },
    }),
  )
  .get('/exams/:id', validate('param', examParamSchema), validate('query', pageQuerySchema), async (c) => {
    const ctx = c.var.user
    const exam = await getExam(ctx, c.req.valid('param').id)
    if (exam.status === 'submitted') return c.redirect(`/exams/${exam.id}/result`, 303)
    const q = Number(c.req.valid('query').q)
    const firstOpen = exam.questions.findIndex((question) => !exam.answers[question.id]?.answered)
    const index = Number.isInteger(q) && q >= 1 ? Math.min(q, exam.questionCount) - 1 : Math.max(firstOpen, 0)
    const { settings } = ctx
    const deck = await loadDeckTopics(ctx.db, exam.deck)
    const topics = Object.fromEntries(deck.topics.map((t) => [t.slug, t.title]))
    return c.render(
      <ExamQuestionPage
        exam={exam}
        index={index}
        csrfToken={c.var.csrfToken}
        timeZone={settings.timezone}
        topics={topics}
      />,
      { title: `Exam · question ${index + 1}`, ...assets },
    )
  })
  .post('/exams/:id/answer', validate('param', examParamSchema), async (c) => {
    const { id } = c.req.valid('param')
    const form = parseAnswerForm((await c.req.parseBody({ all: true })) as FormBody)
    let go = form.go
    if (form.input) {
      try {
        const saved = await answerExamQuestion(c.var.user, id, form.questionId, form.input)
        // A DOMC item stays on the page until it ends, then moves on.
        if ('finished' in saved && form.input.judgement !== undefined) go = saved.finished ? form.q + 1 : form.q
      } catch (error) {
        if (error instanceof AppError && error.code === 'deadline_passed') return c.redirect(`/exams/${id}/result`, 303)
        // Already submitted, or a DOMC judgement sent twice (back button): show the page as it is now.
        if (error instanceof AppError && error.status === 409) return c.redirect(`/exams/${id}?q=${form.q}`, 303)
        throw error
      }
    }
    return c.redirect(`/exams/${id}?q=${Math.max(go, 1)}`, 303)
  })
  .post('/exams/:id/submit', validate('param', examParamSchema), async (c) => {
    const result = await submitExam(c.var.user, c.req.valid('param').id)
    return c.redirect(`/exams/${result.id}/result`, 303)
  })
  .get('/exams/:id/result', validate('param', examParamSchema), async (c) => {
    const ctx = c.var.user
    const exam = await getExam(ctx, c.req.valid('param').id)
    if (exam.status !== 'submitted') return c.redirect(`/exams/${exam.id}`, 303)
    return c.render(<ExamResultPage result={exam} csrfToken={c.var.csrfToken} timeZone={ctx.settings.timezone} />, {
      title: 'Exam result',
      ...assets,
    })
  })
