import { saveAnswer } from '../db/queries/exams'
import { type DomcQuestion, type GivenAnswer, judgeDomc, type Question } from '../domain/exam'
import { AppError } from '../errors'
import { iso } from '../format'
import type { ExamAnswerInput } from '../schemas/exams'
import type { UserContext } from './context'
import type { SavedAnswer } from './exam-result'
import { answerState, findQuestion, judgementsOf, type LoadedExam, loadExam } from './exam-state'
import { finalizeExam } from './exams'

const bad = (field: string, message: string) =>
  new AppError(400, 'validation_failed', `${field}: ${message}`, { field })

function refuse(input: ExamAnswerInput, fields: (keyof ExamAnswerInput)[], kind: string, use: string) {
  const extra = fields.find((field) => input[field] !== undefined)
  if (extra) throw bad(extra, `a ${kind} question takes ${use}`)
}

function domcAnswer(question: DomcQuestion, saved: SavedAnswer | undefined, input: ExamAnswerInput): GivenAnswer {
  refuse(input, ['choice', 'text'], 'DOMC', 'optionId and judgement')
  if (input.optionId === undefined) throw bad('optionId', 'missing: the option being judged')
  if (input.judgement === undefined) throw bad('judgement', 'missing: true (yes) or false (no)')
  const judgements = judgementsOf(saved)
  const progress = judgeDomc(question, judgements)
  if (judgements.some((j) => j.optionId === input.optionId) || progress.finished)
    throw new AppError(
      409,
      'conflict',
      `optionId: DOMC judgements cannot be changed, and this item has ${progress.finished ? 'ended' : 'moved on'}`,
      {
        field: 'optionId',
      },
    )
  if (input.optionId !== progress.nextOptionId)
    throw bad('optionId', `judge the option being shown, "${progress.nextOptionId}"`)
  return { kind: 'domc', judgements: [...judgements, { optionId: input.optionId, judgement: input.judgement }] }
}

/** The answer to store for `input`; `undefined` for a flag-only change. */
function nextAnswer(
  question: Question,
  saved: SavedAnswer | undefined,
  input: ExamAnswerInput,
): GivenAnswer | undefined {
  const answers = input.choice ?? input.optionId ?? input.judgement ?? input.text
  if (answers === undefined) {
    if (input.flagged === undefined) throw bad('body', 'send choice, optionId and judgement, text, or flagged')
    return undefined
  }
  if (question.kind === 'domc') return domcAnswer(question, saved, input)
  if (question.kind === 'mcq') {
    refuse(input, ['optionId', 'judgement', 'text'], 'multiple-choice', 'choice')
    if (input.choice === undefined) throw bad('choice', 'missing: the id of the chosen option')
    if (!question.options.some((o) => o.id === input.choice))
      throw bad('choice', `no option "${input.choice}" in this question`)
    return { kind: 'mcq', optionId: input.choice }
  }
  refuse(input, ['choice', 'optionId', 'judgement'], 'type-in', 'text')
  return { kind: 'typein', text: input.text ?? '' }
}

/**
 * Refuses changes to a closed exam. Past the deadline the exam is scored first (the server
 * enforces the time limit, whatever the page shows), then the answer is refused.
 */
export async function ensureOpen(ctx: UserContext, exam: LoadedExam): Promise<void> {
  const { row } = exam
  if (row.endsAt !== null && ctx.now >= row.endsAt) {
    await finalizeExam(ctx, exam)
    throw new AppError(409, 'deadline_passed', `the exam ended at ${iso(row.endsAt)}`, {
      extra: { endsAt: iso(row.endsAt), result: `/api/v1/exams/${row.id}` },
    })
  }
  if (row.submittedAt !== null)
    throw new AppError(409, 'conflict', 'id: the exam was already submitted', {
      field: 'id',
      extra: { result: `/api/v1/exams/${row.id}` },
    })
}

/**
 * Saves (or changes) the answer to one question, or its flag. Multiple choice and type-in
 * answers can be changed until submit; DOMC judgements are appended in order and never changed.
 * The reply says whether a DOMC item goes on, never whether an answer was right.
 */
export async function answerExamQuestion(ctx: UserContext, id: string, questionId: string, input: ExamAnswerInput) {
  const exam = await loadExam(ctx.db, ctx.userId, id, 'exam')
  await ensureOpen(ctx, exam)
  const question = findQuestion(exam, questionId)
  const saved = exam.answers.get(question.id)
  const given = nextAnswer(question, saved, input) ?? saved?.given ?? null
  const flagged = input.flagged ?? saved?.flagged ?? false
  const written = await saveAnswer(ctx.db, {
    examId: id,
    questionId: question.id,
    answer: JSON.stringify(given),
    flagged,
    now: ctx.now,
    expected: saved?.raw ?? null,
  })
  if (!written) {
    await ensureOpen(ctx, await loadExam(ctx.db, ctx.userId, id, 'exam'))
    throw new AppError(409, 'conflict', 'questionId: the answer was changed at the same time; reload the exam', {
      field: 'questionId',
    })
  }
  const state = answerState(question, { given, flagged })
  const response = { questionId: question.id, answered: state.answered, flagged }
  if (question.kind !== 'domc') return response
  const next = question.options.find((o) => o.id === state.nextOptionId)
  return {
    ...response,
    finished: state.answered,
    ...(next ? { nextOptionId: next.id, nextOption: { id: next.id, text: next.text, html: next.html } } : {}),
  }
}
