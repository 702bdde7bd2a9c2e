import { studyDayStart } from './day'
import { isAvailable } from './due'
import { State } from './names'
import type { QueueCandidate } from './queue'
import type { StudySettings } from './settings'

/** The retrievability strategy, injected: normally `scheduler.retrievability`. */
export type RetrievabilityAt<T> = (card: T, at: number) => number

export interface ExamItem<T> {
  card: T
  /** Predicted probability of recall at the exam. */
  retrievability: number
}

/** When the exam begins: the start of the exam's study day, or null without an exam date. */
export function examStartsAt(settings: Pick<StudySettings, 'examDate' | 'timezone' | 'dayStartsAt'>): number | null {
  if (settings.examDate === undefined) return null
  return studyDayStart(settings.examDate, settings.timezone, settings.dayStartsAt)
}

/**
 * Exam mode: the studied cards that fall due before the exam, weakest first by the recall
 * predicted on exam day, so the time left goes to what would most likely be forgotten.
 * New cards have no memory to predict and are left to the normal queue.
 */
export function examQueue<T extends QueueCandidate>(
  candidates: readonly T[],
  context: { now: number; examAt: number },
  retrievability: RetrievabilityAt<T>,
): ExamItem<T>[] {
  return candidates
    .filter((card) => card.state !== State.New && isAvailable(card, context.now) && card.due <= context.examAt)
    .map((card) => ({ card, retrievability: retrievability(card, context.examAt) }))
    .sort(
      (a, b) =>
        a.retrievability - b.retrievability ||
        a.card.due - b.card.due ||
        (a.card.cardId < b.card.cardId ? -1 : a.card.cardId > b.card.cardId ? 1 : 0),
    )
}
