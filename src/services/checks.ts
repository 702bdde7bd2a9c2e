import type { Db } from '../db/index'
import type { CheckRow } from '../db/queries/checks'
import {
  findCheck,
  findSubmission,
  insertCheck,
  insertSubmission,
  listChecks,
  loadDeckCards,
} from '../db/queries/checks'
import { listDecks } from '../db/queries/decks'
import { loadCardsById } from '../db/queries/exams'
import type { Membership } from '../db/queries/teams'
import { buildExam, ExamError, type GivenAnswer, publicQuestion, type Question, scoreExam } from '../domain/exam'
import { AppError } from '../errors'
import { iso } from '../format'
import type { CreateCheckInput, SubmissionInput } from '../schemas/teams'
import { randomSecret } from '../security/secrets'
import type { UserContext } from './context'
import { type ResultQuestion, type SavedAnswer, scoreResult } from './exam-result'
import { requireMember, requireOwner } from './teams'

export type CheckStatus = 'upcoming' | 'open' | 'closed'

export function checkStatus(check: Pick<CheckRow, 'opensAt' | 'closesAt'>, now: number): CheckStatus {
  if (check.opensAt !== null && now < check.opensAt) return 'upcoming'
  if (check.closesAt !== null && now >= check.closesAt) return 'closed'
  return 'open'
}

export function questionsOf(check: CheckRow): Question[] {
  return JSON.parse(check.questions) as Question[]
}

export function presentCheck(check: CheckRow, now: number) {
  return {
    id: check.id,
    teamId: check.teamId,
    title: check.title,
    deck: check.deck,
    topics: JSON.parse(check.topics) as string[],
    format: check.format,
    questionCount: questionsOf(check).length,
    opensAt: iso(check.opensAt),
    closesAt: iso(check.closesAt),
    status: checkStatus(check, now),
    createdAt: iso(check.createdAt) as string,
  }
}

/**
 * Builds the question set once, from a random seed kept with the check and never sent: every
 * member gets the same questions, and no quiz or exam seed can rebuild them (nor their answers).
 */
export async function createCheck(ctx: UserContext, teamId: string, input: CreateCheckInput) {
  await requireOwner(ctx, teamId)
  // A check draws from a shared deck or one of this team's decks: every member can study those.
  const deck = (await listDecks(ctx.db, ctx.userId)).find(
    (d) => d.slug === input.deck && d.ownerId === null && (d.teamId === null || d.teamId === teamId),
  )
  if (!deck) throw new AppError(400, 'validation_failed', `deck: no deck "${input.deck}"`, { field: 'deck' })
  const unknown = input.topics?.find((t) => !deck.topics.some((topic) => topic.slug === t))
  if (unknown)
    throw new AppError(400, 'validation_failed', `topics: no topic "${unknown}" in ${deck.slug}`, { field: 'topics' })
  const id = crypto.randomUUID()
  const seed = randomSecret(16)
  let questions: Question[]
  try {
    const cards = await loadDeckCards(ctx.db, deck.slug)
    const exam = buildExam({
      cards,
      topics: input.topics,
      count: input.questionCount,
      format: input.format,
      seed,
      domcShare: 0,
    })
    questions = exam.questions
  } catch (error) {
    if (!(error instanceof ExamError)) throw error
    throw new AppError(400, 'validation_failed', `topics: ${error.message}`, { field: 'topics' })
  }
  const row: CheckRow = {
    id,
    teamId,
    title: input.title,
    deck: deck.slug,
    topics: JSON.stringify(input.topics ?? []),
    format: input.format,
    seed,
    questions: JSON.stringify(questions),
    opensAt: input.opensAt ? Date.parse(input.opensAt) : null,
    closesAt: input.closesAt ? Date.parse(input.closesAt) : null,
    createdBy: ctx.userId,
    createdAt: ctx.now,
  }
  await insertCheck(ctx.db, row)
  return presentCheck(row, ctx.now)
}

/** The check, if the caller is in its team; 404 otherwise, as for a check that does not exist. */
export async function requireCheck(
  ctx: UserContext,
  checkId: string,
): Promise<{ check: CheckRow; membership: Membership }> {
  const check = await findCheck(ctx.db, checkId)
  const notFound = new AppError(404, 'not_found', `id: no check "${checkId}"`, { field: 'id' })
  if (!check) throw notFound
  try {
    return { check, membership: await requireMember(ctx, check.teamId) }
  } catch {
    throw notFound
  }
}

export type TopicTitles = ReadonlyMap<string, string>

/** Topic slug → title for a deck, so pages and results can name topics as the notes do. */
export async function topicTitles(db: Db, deck: string): Promise<TopicTitles> {
  const found = (await listDecks(db)).find((d) => d.slug === deck)
  return new Map(found?.topics.map((t) => [t.slug, t.title]) ?? [])
}

type StoredTopic = { topic: string; correct: number; total: number }

export function presentSubmission(
  row: { correct: number; total: number; topics: string; submittedAt: number },
  titles: TopicTitles,
) {
  return {
    correct: row.correct,
    total: row.total,
    score: row.total === 0 ? 0 : row.correct / row.total,
    topics: (JSON.parse(row.topics) as StoredTopic[]).map((t) => ({ ...t, title: titles.get(t.topic) ?? t.topic })),
    submittedAt: iso(row.submittedAt) as string,
  }
}

/** Questions without answers; hidden from members until the check opens. */
export async function checkView(ctx: UserContext, checkId: string) {
  const { check, membership } = await requireCheck(ctx, checkId)
  const summary = presentCheck(check, ctx.now)
  const visible = summary.status !== 'upcoming' || membership.role === 'owner'
  const submission = await findSubmission(ctx.db, check.id, ctx.userId)
  const titles = await topicTitles(ctx.db, check.deck)
  return {
    ...summary,
    role: membership.role,
    questions: visible
      ? questionsOf(check).map((q) => ({ ...publicQuestion(q), topicTitle: titles.get(q.topic) ?? q.topic }))
      : [],
    submission: submission ? presentSubmission(submission, titles) : null,
    /**
     * Once the check has closed, a member who took it sees each question with the right answer
     * and their own: not before, when it would hand the key to those still taking it.
     */
    answers:
      submission && summary.status === 'closed' ? await answersOf(ctx.db, check, submission.answers, titles) : null,
  }
}

type StoredAnswer = { questionId: string; given: GivenAnswer | null }

async function answersOf(db: Db, check: CheckRow, stored: string, titles: TopicTitles): Promise<ResultQuestion[]> {
  const questions = questionsOf(check)
  const saved = new Map<string, SavedAnswer>(
    (JSON.parse(stored) as StoredAnswer[]).map((a) => [a.questionId, { given: a.given, flagged: false }]),
  )
  const cards = await loadCardsById(
    db,
    questions.map((q) => q.cardId),
  )
  return scoreResult(questions, saved, {
    deck: check.deck,
    passMark: 0,
    topics: [...titles].map(([slug, title]) => ({ slug, title })),
    cards: new Map(cards.map((card) => [card.id, card])),
  }).questions
}

function givenAnswers(questions: Question[], input: SubmissionInput): Record<string, GivenAnswer> {
  const byId = new Map(questions.map((q) => [q.id, q]))
  const given: Record<string, GivenAnswer> = {}
  for (const [i, answer] of input.answers.entries()) {
    const question = byId.get(answer.questionId)
    const field = `answers.${i}`
    if (!question)
      throw new AppError(400, 'validation_failed', `${field}.questionId: not a question of this check`, {
        field: `${field}.questionId`,
      })
    if (given[question.id])
      throw new AppError(400, 'validation_failed', `${field}.questionId: answered twice`, {
        field: `${field}.questionId`,
      })
    if (question.kind === 'typein') given[question.id] = { kind: 'typein', text: answer.choice }
    else if (question.options.some((o) => o.id === answer.choice))
      given[question.id] = { kind: 'mcq', optionId: answer.choice }
    else
      throw new AppError(400, 'validation_failed', `${field}.choice: not an option of question ${question.id}`, {
        field: `${field}.choice`,
      })
  }
  return given
}

/** Scores a member's answers once; unanswered questions count as wrong. */
export async function submitCheck(ctx: UserContext, checkId: string, input: SubmissionInput) {
  const { check } = await requireCheck(ctx, checkId)
  const status = checkStatus(check, ctx.now)
  if (status === 'upcoming')
    throw new AppError(
      409,
      'check_closed',
      `this check opens at ${iso(check.opensAt)}: submissions are not accepted before then`,
    )
  if (status === 'closed')
    throw new AppError(
      409,
      'check_closed',
      `this check closed at ${iso(check.closesAt)}: submissions are no longer accepted`,
    )
  const questions = questionsOf(check)
  const given = givenAnswers(questions, input)
  const score = scoreExam(questions, given)
  const row = {
    checkId,
    userId: ctx.userId,
    answers: JSON.stringify(
      score.questions.map((q) => ({ questionId: q.id, given: given[q.id] ?? null, correct: q.correct })),
    ),
    correct: score.correct,
    total: score.total,
    topics: JSON.stringify(score.topics),
    submittedAt: ctx.now,
  }
  if (!(await insertSubmission(ctx.db, row)))
    throw new AppError(409, 'conflict', 'you have already submitted this check: one submission per member')
  return presentSubmission(row, await topicTitles(ctx.db, check.deck))
}

/** A team's checks for any member, with whether the caller has submitted each. */
export async function listTeamChecks(ctx: UserContext, teamId: string) {
  await requireMember(ctx, teamId)
  const rows = await listChecks(ctx.db, teamId, ctx.userId)
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    deck: r.deck,
    format: r.format,
    questionCount: r.questionCount,
    opensAt: iso(r.opensAt),
    closesAt: iso(r.closesAt),
    status: checkStatus(r, ctx.now),
    submissionCount: r.submissionCount,
    submitted: Boolean(r.submitted),
    createdAt: iso(r.createdAt) as string,
  }))
}
