import type { FSRS } from 'ts-fsrs'
import { type CardMemory, fromFsrsCard, type ReviewLogFields, toFsrsCard, toFsrsLog } from './card'
import { CorruptReviewLogError, UndoMismatchError } from './errors'

/**
 * The card fields a ts-fsrs `ReviewLog` cannot give back. `rollback` in ts-fsrs 5.4.2 sets `due`
 * to the review time (the log's `due` is the previous `last_review`), so the real previous `due`
 * is lost; `reps` and `lapses` it derives by subtraction. Keeping them makes undo exact.
 */
export interface BeforeReview {
  due: number
  lastReview: number | null
  reps: number
  lapses: number
  elapsedDays: number
}

export function encodeBefore(card: CardMemory): string {
  const before: BeforeReview = {
    due: card.due,
    lastReview: card.lastReview,
    reps: card.reps,
    lapses: card.lapses,
    elapsedDays: card.elapsedDays,
  }
  return JSON.stringify(before)
}

const isInt = (value: unknown): value is number => Number.isSafeInteger(value)

export function decodeBefore(json: string): BeforeReview {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new CorruptReviewLogError('before is not JSON')
  }
  const before = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const { due, lastReview, reps, lapses, elapsedDays } = before
  if (!isInt(due) || !isInt(reps) || !isInt(lapses) || !isInt(elapsedDays)) {
    throw new CorruptReviewLogError('before lacks due, reps, lapses or elapsedDays')
  }
  if (lastReview !== null && !isInt(lastReview)) throw new CorruptReviewLogError('before.lastReview is not a time')
  return { due, lastReview, reps, lapses, elapsedDays }
}

/**
 * The card exactly as it was before the review `log` records. Refuses a log that is not the
 * card's latest review, since rolling back an older one would mix two histories.
 */
export function undoReview(f: FSRS, current: CardMemory, log: ReviewLogFields): CardMemory {
  if (current.lastReview !== log.reviewedAt || current.due !== log.dueAfter || current.state !== log.stateAfter) {
    throw new UndoMismatchError()
  }
  if (![1, 2, 3, 4].includes(log.rating)) throw new CorruptReviewLogError(`rating ${log.rating} cannot be undone`)
  const before = decodeBefore(log.before)
  const rolledBack = fromFsrsCard(f.rollback(toFsrsCard(current), toFsrsLog(log)))
  return { ...rolledBack, ...before }
}
