import { loadCardsById, markSubmitted, saveAnswer } from '../db/queries/exams'
import type { CardRow } from '../db/queries/review'
import { type McqQuestion, publicQuestion, type Question } from '../domain/exam'
import { AppError } from '../errors'
import type { CreateQuizInput } from '../schemas/exams'
import type { UserContext } from './context'
import { applyFeedback } from './exam-feedback'
import { type NoteSource, noteSource } from './exam-result'
import { findQuestion, type LoadedExam, loadExam, startAttempt } from './exam-state'
import { buildQuestions, newSeed, quizSeed } from './question-bank'

export interface QuizVerdict {
  questionId: string
  choice: string
  correct: boolean
  answer: { optionId: string; text: string; html: string }
  source: NoteSource
}

/** A quick quiz: multiple choice only, each answer checked at once, no time limit. */
export async function createQuiz(ctx: UserContext, input: CreateQuizInput) {
  const seed = input.seed ?? newSeed()
  const built = await buildQuestions(ctx.db, {
    userId: ctx.userId,
    deck: input.deck,
    topics: input.topics,
    count: input.count,
    format: 'mcq',
    seed: await quizSeed(ctx.userId, seed),
  })
  const id = await startAttempt(ctx, {
    mode: 'quiz',
    deck: input.deck,
    topics: input.topics,
    format: 'mcq',
    seed,
    questions: built.questions,
  })
  return { id, requested: built.requested, questions: built.questions.map(publicQuestion) }
}

function verdict(deck: string, question: McqQuestion, choice: string, card: CardRow | undefined): QuizVerdict {
  const answer = question.options.find((o) => o.id === question.answerOptionId)
  return {
    questionId: question.id,
    choice,
    correct: choice === question.answerOptionId,
    answer: { optionId: question.answerOptionId, text: answer?.text ?? '', html: answer?.html ?? '' },
    source: noteSource(deck, card, question.topic),
  }
}

async function cardOf(ctx: UserContext, question: Question) {
  const [card] = await loadCardsById(ctx.db, [question.cardId])
  return card
}

const asMcq = (question: Question): McqQuestion => {
  if (question.kind !== 'mcq') throw new AppError(400, 'bad_request', 'questionId: not a multiple-choice question')
  return question
}

/**
 * Checks one answer and says at once whether it was right, with the note to read. The first
 * answer counts: it goes into the schedule (see `applyFeedback`); sending the same answer again
 * replays the verdict, a different one is a 409.
 */
export async function answerQuiz(ctx: UserContext, id: string, questionId: string, choice: string) {
  const quiz = await loadExam(ctx.db, ctx.userId, id, 'quiz')
  const question = asMcq(findQuestion(quiz, questionId))
  if (!question.options.some((o) => o.id === choice))
    throw new AppError(400, 'validation_failed', `choice: no option "${choice}" in this question`, { field: 'choice' })
  const saved = quiz.answers.get(question.id)?.given
  if (saved?.kind === 'mcq') {
    if (saved.optionId === choice) return verdict(quiz.row.deck, question, choice, await cardOf(ctx, question))
    throw new AppError(409, 'conflict', 'questionId: this question was already answered', { field: 'questionId' })
  }
  const given = JSON.stringify({ kind: 'mcq', optionId: choice })
  const written = await saveAnswer(ctx.db, {
    examId: id,
    questionId: question.id,
    answer: given,
    flagged: false,
    now: ctx.now,
    expected: null,
  })
  if (!written)
    throw new AppError(409, 'conflict', 'questionId: this question was already answered', { field: 'questionId' })
  const result = verdict(quiz.row.deck, question, choice, await cardOf(ctx, question))
  await applyFeedback(ctx, [{ cardId: question.cardId, correct: result.correct }], 'quiz')
  await closeWhenDone(ctx, quiz, question.id, result.correct)
  return result
}

/** Records the quiz's score once its last question is answered, for the history. */
async function closeWhenDone(ctx: UserContext, quiz: LoadedExam, justAnswered: string, correct: boolean) {
  const others = quiz.questions.filter((q) => q.id !== justAnswered)
  if (others.some((q) => !quiz.answers.get(q.id)?.given)) return
  const right = others.filter((q) => {
    const given = quiz.answers.get(q.id)?.given
    return q.kind === 'mcq' && given?.kind === 'mcq' && given.optionId === q.answerOptionId
  }).length
  const score = (right + (correct ? 1 : 0)) / quiz.questions.length
  await markSubmitted(ctx.db, { id: quiz.row.id, now: ctx.now, score, passed: null, result: JSON.stringify({ score }) })
}

/** The quiz with the verdicts of the questions answered so far (and only those). */
export async function getQuiz(ctx: UserContext, id: string) {
  const quiz = await loadExam(ctx.db, ctx.userId, id, 'quiz')
  const cards = new Map(
    (
      await loadCardsById(
        ctx.db,
        quiz.questions.map((q) => q.cardId),
      )
    ).map((card) => [card.id, card]),
  )
  const verdicts: Record<string, QuizVerdict> = {}
  for (const question of quiz.questions) {
    const given = quiz.answers.get(question.id)?.given
    if (question.kind === 'mcq' && given?.kind === 'mcq')
      verdicts[question.id] = verdict(quiz.row.deck, question, given.optionId, cards.get(question.cardId))
  }
  const values = Object.values(verdicts)
  return {
    id,
    deck: quiz.row.deck,
    questionCount: quiz.questions.length,
    answered: values.length,
    correct: values.filter((v) => v.correct).length,
    questions: quiz.questions.map(publicQuestion),
    answers: verdicts,
  }
}
