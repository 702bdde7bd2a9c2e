import { type CheckRow, loadCheckResults } from '../db/queries/checks'
import type { Question } from '../domain/exam'
import { AppError } from '../errors'
import { presentCheck, presentSubmission, questionsOf, type TopicTitles } from './checks'
import type { UserContext } from './context'

type Submissions = Awaited<ReturnType<typeof loadCheckResults>>['submissions']

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

type ResultsInput = Omit<Awaited<ReturnType<typeof loadCheckResults>>, 'check' | 'role'>

function resultsOf(ctx: UserContext, check: CheckRow, { members, submissions, titles }: ResultsInput) {
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
  // One round trip: the check, the caller's role and the results, which are dropped unless the
  // caller owns the team. Not a member: 404, as for a check that does not exist (requireCheck).
  const { check, role, ...results } = await loadCheckResults(ctx.db, checkId, ctx.userId)
  if (!check || !role) throw new AppError(404, 'not_found', `id: no check "${checkId}"`, { field: 'id' })
  if (role !== 'owner') throw new AppError(403, 'forbidden', 'only an owner of the team may read the results')
  return resultsOf(ctx, check, results)
}

export type CheckResults = ReturnType<typeof resultsOf>
