import { type CheckRow, listSubmissions } from '../db/queries/checks'
import { listMembers } from '../db/queries/teams'
import type { Question } from '../domain/exam'
import { AppError } from '../errors'
import { presentCheck, presentSubmission, questionsOf, requireCheck, type TopicTitles, topicTitles } from './checks'
import type { UserContext } from './context'

type Submissions = Awaited<ReturnType<typeof listSubmissions>>

function correctAnswer(question: Question): string {
  if (question.kind === 'typein') return question.answer
  return question.options.find((o) => o.id === question.answerOptionId)?.text ?? ''
}

/** Team average per topic: every member's correct answers over every member's questions. */
function topicAverages(questions: Question[], submissions: Submissions, titles: TopicTitles) {
  const sums = new Map<string, { correct: number; total: number }>()
  for (const q of questions) sums.set(q.topic, { correct: 0, total: 0 })
  for (const { submission } of submissions)
    for (const t of presentSubmission(submission, titles).topics) {
      const sum = sums.get(t.topic) ?? { correct: 0, total: 0 }
      sum.correct += t.correct
      sum.total += t.total
      sums.set(t.topic, sum)
    }
  return [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, t]) => ({
      topic,
      title: titles.get(topic) ?? topic,
      ...t,
      average: t.total ? t.correct / t.total : null,
    }))
}

/** The five questions missed by most members (unanswered counts as missed), in question order on ties. */
function mostMissed(questions: Question[], submissions: Submissions, titles: TopicTitles) {
  const misses = new Map<string, number>()
  for (const { submission } of submissions)
    for (const a of JSON.parse(submission.answers) as { questionId: string; correct: boolean }[])
      if (!a.correct) misses.set(a.questionId, (misses.get(a.questionId) ?? 0) + 1)
  return questions
    .map((q, order) => ({ q, order, misses: misses.get(q.id) ?? 0 }))
    .filter((m) => m.misses > 0)
    .sort((a, b) => b.misses - a.misses || a.order - b.order)
    .slice(0, 5)
    .map(({ q, misses }) => ({
      questionId: q.id,
      topic: q.topic,
      topicTitle: titles.get(q.topic) ?? q.topic,
      prompt: q.prompt,
      answer: correctAnswer(q),
      misses,
      of: submissions.length,
    }))
}

async function resultsOf(ctx: UserContext, check: CheckRow) {
  const [members, submissions, titles] = await Promise.all([
    listMembers(ctx.db, check.teamId),
    listSubmissions(ctx.db, check.id),
    topicTitles(ctx.db, check.deck),
  ])
  const questions = questionsOf(check)
  const submitted = new Set(submissions.map((s) => s.submission.userId))
  return {
    check: presentCheck(check, ctx.now),
    members: submissions.map(({ submission, name, email }) => ({
      userId: submission.userId,
      name,
      email,
      ...presentSubmission(submission, titles),
    })),
    topics: topicAverages(questions, submissions, titles),
    mostMissed: mostMissed(questions, submissions, titles),
    notSubmitted: members
      .filter((m) => !submitted.has(m.userId))
      .map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role })),
  }
}

/** Owners only: per-member scores, per-topic team averages, the most missed questions, who is missing. */
export async function checkResults(ctx: UserContext, checkId: string) {
  const { check, membership } = await requireCheck(ctx, checkId)
  if (membership.role !== 'owner')
    throw new AppError(403, 'forbidden', 'only an owner of the team may read the results')
  return resultsOf(ctx, check)
}

export type CheckResults = Awaited<ReturnType<typeof resultsOf>>
