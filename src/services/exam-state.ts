import type { Db } from '../db/index'
import { type ExamAnswerRow, type ExamMode, type ExamRow, findExamWithAnswers, insertExam } from '../db/queries/exams'
import {
  type DomcJudgement,
  type DomcQuestion,
  type GivenAnswer,
  judgeDomc,
  type PublicQuestion,
  publicQuestion,
  type Question,
} from '../domain/exam'
import { AppError } from '../errors'
import type { UserContext } from './context'
import type { SavedAnswer } from './exam-result'
import { newExamId, parseQuestions } from './question-bank'

/** What starting an exam or a quiz fixes; the exam-only fields stay unset for a quiz. */
export interface NewAttempt {
  mode: ExamMode
  deck: string
  topics: readonly string[] | undefined
  format: string
  seed: string
  questions: readonly Question[]
  draw?: string
  minutes?: number
  passMark?: number
}

/** Stores a new exam or quiz for the user, its questions fixed now; returns its id. */
export async function startAttempt(ctx: UserContext, attempt: NewAttempt): Promise<string> {
  const { topics, questions, minutes, ...rest } = attempt
  const id = newExamId()
  await insertExam(ctx.db, {
    ...rest,
    id,
    userId: ctx.userId,
    topics: JSON.stringify(topics ?? []),
    questions: JSON.stringify(questions),
    startedAt: ctx.now,
    ...(minutes === undefined ? {} : { minutes, endsAt: ctx.now + minutes * 60_000 }),
  })
  return id
}

export interface LoadedExam {
  row: ExamRow
  questions: Question[]
  answers: Map<string, SavedAnswer>
}

function parseGiven(json: string): GivenAnswer | null {
  try {
    return JSON.parse(json) as GivenAnswer | null
  } catch {
    return null
  }
}

/** The caller's exam (or quiz) with its questions and saved answers; 404 for anyone else's. */
export async function loadExam(db: Db, userId: string, id: string, mode: ExamMode): Promise<LoadedExam> {
  return loadedExam(await findExamWithAnswers(db, userId, id, mode), id, mode)
}

/** An exam row and its answer rows as a `LoadedExam`; 404 when there is no row. */
export function loadedExam(
  { row, answers: rows }: { row: ExamRow | undefined; answers: ExamAnswerRow[] },
  id: string,
  mode: ExamMode,
): LoadedExam {
  if (!row) throw new AppError(404, 'not_found', `id: no ${mode} "${id}"`, { field: 'id' })
  const answers = new Map(
    rows.map((a) => [a.questionId, { given: parseGiven(a.answer), flagged: a.flagged, raw: a.answer }]),
  )
  return { row, questions: parseQuestions(row.questions), answers }
}

export function findQuestion(exam: LoadedExam, questionId: string): Question {
  const question = exam.questions.find((q) => q.id === questionId)
  if (!question)
    throw new AppError(404, 'not_found', `questionId: no question "${questionId}" in this exam`, {
      field: 'questionId',
    })
  return question
}

export const judgementsOf = (saved: SavedAnswer | undefined): DomcJudgement[] =>
  saved?.given?.kind === 'domc' ? saved.given.judgements : []

/**
 * What a candidate may see of a question. A DOMC item shows only the options judged so far and
 * the one being shown: seeing them all at once would turn it back into multiple choice.
 */
export function visibleQuestion(question: Question, saved: SavedAnswer | undefined): PublicQuestion {
  const shown = publicQuestion(question)
  if (question.kind !== 'domc' || shown.kind !== 'domc') return shown
  const judgements = judgementsOf(saved)
  const progress = judgeDomc(question, judgements)
  const count = judgements.length + (progress.finished ? 0 : 1)
  return { ...shown, options: shown.options.slice(0, count) }
}

export interface AnswerState {
  /** Fully answered: a choice, typed text, or a DOMC item that has ended. */
  answered: boolean
  flagged: boolean
  choice?: string
  text?: string
  judgements?: DomcJudgement[]
  /** DOMC: the option to judge next, while the item goes on. */
  nextOptionId?: string
}

export function answerState(question: Question, saved: SavedAnswer | undefined): AnswerState {
  const flagged = saved?.flagged ?? false
  const given = saved?.given ?? null
  if (question.kind === 'domc') {
    const judgements = judgementsOf(saved)
    const progress = judgeDomc(question as DomcQuestion, judgements)
    return {
      answered: progress.finished,
      flagged,
      judgements,
      ...(progress.nextOptionId ? { nextOptionId: progress.nextOptionId } : {}),
    }
  }
  if (given?.kind === 'mcq') return { answered: true, flagged, choice: given.optionId }
  if (given?.kind === 'typein') return { answered: true, flagged, text: given.text }
  return { answered: false, flagged }
}

/** Whether an answer is complete enough to say something about the card (for feedback). */
export function isDecided(question: Question, saved: SavedAnswer | undefined): boolean {
  if (!saved?.given) return false
  if (question.kind === 'domc') return judgeDomc(question, judgementsOf(saved)).scored
  return true
}
