import { loadMemories } from '../db/queries/exams'
import type { CardStateRow } from '../db/queries/review'
import type { ExamReview } from '../db/queries/review-writes'
import { SchedulingError, State } from '../domain/scheduling'
import { AppError } from '../errors'
import type { UserContext } from './context'
import { answerCard, planReview } from './review'

export interface AnsweredCard {
  cardId: string
  correct: boolean
}

export interface Feedback {
  /** Cards answered wrong, each recorded as an Again review. */
  lapses: number
  /** Never-studied cards answered right, started with a Good review. */
  started: number
}

/**
 * Feeds quiz and exam answers into the schedule, one review log per answered card:
 *
 * - wrong: rated Again, a lapse, so the card comes back in review soon;
 * - right, on a card never studied: rated Good, which starts it;
 * - right, on a card already in study: nothing. Picking the right option among four is
 *   recognition, weaker evidence than the recall a review asks for, so it must not push the
 *   card's next review further out.
 *
 * The logs carry the origin `quiz` or `exam`, which keeps them out of the review queue's daily
 * counts and out of undo. A card another tab changed meanwhile is retried once; a card that
 * left the deck is skipped.
 */
/**
 * The reviews an exam's decided answers write at submit, by the rules above, computed from the
 * states read with the exam (`recordExamSubmission` writes them with the submitted mark, all in
 * one batch). A card that left the deck is skipped, as is one whose stored state cannot be
 * scheduled.
 */
export function planExamFeedback(
  ctx: UserContext,
  answered: readonly AnsweredCard[],
  cards: ReadonlyMap<string, { retiredAt: number | null }>,
  states: ReadonlyMap<string, CardStateRow>,
): ExamReview[] {
  const reviews: ExamReview[] = []
  const seen = new Set<string>()
  for (const { cardId, correct } of answered) {
    const card = cards.get(cardId)
    if (!card || card.retiredAt !== null || seen.has(cardId)) continue
    seen.add(cardId)
    const state = states.get(cardId)
    if (correct && (state?.state ?? State.New) !== State.New) continue
    try {
      const { write, log } = planReview(ctx, cardId, state, correct ? 'good' : 'again', ctx.now, 'exam')
      reviews.push({ state: write, log: { ...log, durationMs: null, origin: 'exam' } })
    } catch (error) {
      if (!(error instanceof SchedulingError)) throw error
    }
  }
  return reviews
}

export async function applyFeedback(
  ctx: UserContext,
  answered: readonly AnsweredCard[],
  origin: 'quiz' | 'exam',
): Promise<Feedback> {
  const memories = await loadMemories(
    ctx.db,
    ctx.userId,
    answered.map((a) => a.cardId),
  )
  const feedback: Feedback = { lapses: 0, started: 0 }
  for (const { cardId, correct } of answered) {
    const unseen = (memories.get(cardId)?.state ?? State.New) === State.New
    if (correct && !unseen) continue
    const rating = correct ? 'good' : 'again'
    if (await rate(ctx, cardId, rating, origin)) feedback[correct ? 'started' : 'lapses']++
  }
  return feedback
}

async function rate(ctx: UserContext, cardId: string, rating: 'good' | 'again', origin: 'quiz' | 'exam') {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await answerCard(ctx, { cardId, rating }, undefined, origin)
      return true
    } catch (error) {
      if (error instanceof AppError && error.status === 409 && attempt === 0) continue
      if (error instanceof AppError && (error.status === 404 || error.status === 409)) return false
      if (error instanceof SchedulingError) return false
      throw error
    }
  }
  return false
}
