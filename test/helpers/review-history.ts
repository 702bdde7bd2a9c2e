import type { Db } from '../../src/db/index'
import { reviewLogs } from '../../src/db/schema'
import { seedDeck } from './cards'
import { type SimulatedAnswer, simulateLearner } from './learner'

/**
 * A learner whose memory is not FSRS-6's default: first stabilities of 0.8/3/6/15 days (the
 * defaults are 0.2/1.3/2.3/8.3), slower forgetting after a lapse, a steeper curve. The optimizer
 * should find something nearer to this than the defaults.
 */
export const learnerMemory = [
  0.8, 3, 6, 15, 6.5, 0.6, 2.5, 0.01, 1.2, 0.2, 1.2, 1.6, 0.06, 0.4, 1.8, 0.7, 2.0, 0.6, 0.2, 0.1, 0.3,
] as const

/** `answers` answers by the learner above, studying in UTC mornings from 2026-01-10 on. */
export function simulatedHistory(answers: number, seed = 'fit-history'): SimulatedAnswer[] {
  return simulateLearner({
    settings: {
      timezone: 'UTC',
      dayStartsAt: 4,
      desiredRetention: 0.9,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      fuzz: true,
    },
    windowStart: 8,
    windowHours: 8,
    firstDay: '2026-01-10',
    days: 500,
    cards: 300,
    newPerDay: 10,
    seed,
    trueWeights: learnerMemory,
    maxAnswers: answers,
  })
}

/**
 * Writes simulated answers into `review_logs` for `userId`, on 300 seeded cards (simulated card
 * n is the nth seeded card), as the review page would have recorded them with `origin`.
 */
export async function seedReviewHistory(
  db: Db,
  userId: string,
  answers: SimulatedAnswer[],
  origin: 'review' | 'quiz' | 'exam' = 'review',
): Promise<void> {
  const cardIds = await seedDeck(db, { topics: ['a', 'b', 'c', 'd', 'e', 'f'], perTopic: 50 })
  const rows = answers.map((a) => ({
    userId,
    cardId: cardIds[Number(a.cardId.slice('card-'.length))] ?? '',
    ...a.log,
    durationMs: 8000,
    origin,
  }))
  for (let i = 0; i < rows.length; i += 400) await db.insert(reviewLogs).values(rows.slice(i, i + 400))
}
