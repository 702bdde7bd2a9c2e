import { loadStudiedDue } from '../db/queries/exams'
import {
  createScheduler,
  type DailyQuota,
  examQueue,
  examStartsAt,
  type SqlWindow,
  State,
  type StudySettings,
} from '../domain/scheduling'
import type { UserContext } from './context'

export interface ExamQueueScope {
  deck: string
  topic?: string | undefined
}

/**
 * Exam mode for the review queue: of the studied cards due (`isDue`; reviews only while the
 * daily quota has room), the one with the lowest recall predicted on
 * the exam date (`examQueue`). `undefined` without an exam date or when none is due, so the
 * caller falls back to its usual queue (new cards have no memory to predict).
 */
export async function nextExamCard(
  ctx: UserContext,
  settings: StudySettings,
  scope: ExamQueueScope,
  window: SqlWindow,
  quota: DailyQuota,
): Promise<string | undefined> {
  const examAt = examStartsAt(settings)
  if (examAt === null) return undefined
  const rows = await loadStudiedDue(ctx.db, ctx.userId, scope, window)
  const due = rows.filter((row) => row.state !== State.Review || quota.review > 0)
  const scheduler = createScheduler(settings)
  const [weakest] = examQueue(due, { now: ctx.now, examAt }, (row, at) => scheduler.retrievability(row, at))
  return weakest?.card.cardId
}
