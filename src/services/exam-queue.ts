import { loadStudiedDue } from '../db/queries/exams'
import { createScheduler, examQueue, examStartsAt, type StudySettings } from '../domain/scheduling'
import type { UserContext } from './context'

export interface ExamQueueScope {
  deck: string
  topic?: string | undefined
}

/**
 * Exam mode for the review queue: of the studied cards due now (learning) or today (reviews,
 * within what is left of the daily review limit), the one with the lowest recall predicted on
 * the exam date (`examQueue`). `undefined` without an exam date or when none is due, so the
 * caller falls back to its usual queue (new cards have no memory to predict).
 */
export async function nextExamCard(
  ctx: UserContext,
  settings: StudySettings,
  scope: ExamQueueScope,
  day: { dayEnd: number; reviewsDone: number },
): Promise<string | undefined> {
  const examAt = examStartsAt(settings)
  if (examAt === null) return undefined
  const rows = await loadStudiedDue(ctx.db, ctx.userId, scope, { now: ctx.now, dayEnd: day.dayEnd })
  const reviewsLeft = settings.maxReviewsPerDay - day.reviewsDone
  const due = rows.filter((row) => (row.state === 2 ? reviewsLeft > 0 : row.due <= ctx.now))
  const scheduler = createScheduler(settings)
  const [weakest] = examQueue(due, { now: ctx.now, examAt }, (row, at) => scheduler.retrievability(row, at))
  return weakest?.card.cardId
}
