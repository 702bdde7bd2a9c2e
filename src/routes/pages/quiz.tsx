import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { answerQuiz, createQuiz, getQuiz, loadDeckTopics } from '#data'
import type { AppEnv } from '../../env'
import { AppError } from '../../errors'
import type { SignedInEnv } from '../../middleware/caller'
import { type FormBody, field, fields, pageQuerySchema, parseQuizForm } from '../../schemas/exam-forms'
import { examParamSchema } from '../../schemas/exams'
import { validate } from '../../validation'
import { QuizStartPage } from '../../views/pages/quiz'
import { QuizQuestion } from '../../views/pages/quiz-question'
import { QuizSummary } from '../../views/pages/quiz-summary'
import { signedIn } from './signed-in'
import { formError, type RefusedForm, startDecks, startFormRoutes } from './start-form'

const assets = { scripts: ['exam.js'], styles: ['exam.css'] }

async function start(c: Context<SignedInEnv>, slug: string, form?: RefusedForm<{ topics: string[]; count: string }>) {
  const { deck } = await startDecks(c, slug)
  return c.render(
    <QuizStartPage csrfToken={c.var.csrfToken} deck={deck} values={form?.values} error={formError(c, form)} />,
    { title: 'Quick quiz', ...assets },
  )
}

/** Quick quiz pages (issue 6): pick topics, answer one question at a time, see the verdict at once. */
export const quizPages = new Hono<AppEnv>()
  .use('/quiz', signedIn)
  .use('/quiz/*', signedIn)
  .route(
    '/',
    startFormRoutes('/quiz', {
      page: start,
      start: async (ctx, body, defaultDeck) =>
        `/quiz/${(await createQuiz(ctx, parseQuizForm(body, defaultDeck))).id}?q=1`,
      typed: (body) => ({ topics: fields(body, 'topics'), count: field(body, 'count') }),
    }),
  )
  .get('/quiz/:id', validate('param', examParamSchema), validate('query', pageQuerySchema), async (c) => {
    const ctx = c.var.user
    const quiz = await getQuiz(ctx, c.req.valid('param').id)
    const { q } = c.req.valid('query')
    const open = quiz.questions.findIndex((question) => !quiz.answers[question.id])
    if (q === 'done' || (q === undefined && open < 0))
      return c.render(<QuizSummary quizId={quiz.id} questions={quiz.questions} verdicts={quiz.answers} />, {
        title: 'Quiz score',
        ...assets,
      })
    const index = q === undefined ? open : Math.min(Math.max(Number(q), 1), quiz.questionCount) - 1
    const question = quiz.questions[index]
    if (!question) throw new AppError(404, 'not_found', 'q: no such question')
    const topics = (await loadDeckTopics(ctx.db, quiz.deck)).topics
    return c.render(
      <QuizQuestion
        quizId={quiz.id}
        question={question}
        index={index}
        total={quiz.questionCount}
        verdict={quiz.answers[question.id]}
        topicTitle={topics.find((t) => t.slug === question.topic)?.title ?? question.topic}
        csrfToken={c.var.csrfToken}
      />,
      { title: `Quiz · question ${index + 1}`, ...assets },
    )
  })
  .post('/quiz/:id/answer', validate('param', examParamSchema), async (c) => {
    const { id } = c.req.valid('param')
    const body = (await c.req.parseBody({ all: true })) as FormBody
    const q = /^\d{1,3}$/.test(field(body, 'q')) ? field(body, 'q') : '1'
    const choice = field(body, 'choice')
    if (!choice) return c.redirect(`/quiz/${id}?q=${q}`, 303)
    try {
      await answerQuiz(c.var.user, id, field(body, 'question'), choice)
    } catch (error) {
      // Answered already (another tab, the back button): show the verdict that stands.
      if (!(error instanceof AppError && error.status === 409)) throw error
    }
    return c.redirect(`/quiz/${id}?q=${q}`, 303)
  })
