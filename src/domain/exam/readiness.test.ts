import fc from 'fast-check'
import { createEmptyCard, fsrs, Rating, State } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { ReadinessInputError } from './errors'
import { projectRecall, reviewsNeededPerDay } from './readiness'

/** Fixed seed: the same cases on every run; change it to explore others. */
const runs = { seed: 20250301, numRuns: 200 }

const day = 24 * 60 * 60 * 1000
const start = new Date('2025-03-01T09:00:00Z')
const scheduler = fsrs({ enable_fuzz: false })

function studied(grades: Rating.Good | Rating.Hard | Rating.Easy = Rating.Good, times = 3) {
  let c = createEmptyCard(start)
  for (let i = 0; i < times; i++) c = scheduler.next(c, c.due, grades).card
  return c
}

describe('projectRecall', () => {
  it('equals ts-fsrs retrievability on the exam date for a studied card', () => {
    const c = studied()
    for (const offset of [0, 0.5, 1, 7.9, 30, 365]) {
      const exam = (c.last_review?.getTime() ?? 0) + offset * day
      const projection = projectRecall(
        [{ topic: 'images', stability: c.stability, lastReview: c.last_review?.getTime() ?? null, state: c.state }],
        exam,
      )
      expect(projection.recall).toBe(scheduler.get_retrievability(c, new Date(exam), false))
    }
  })

  it('agrees with ts-fsrs for any stability and gap', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 3000, noNaN: true }),
        fc.integer({ min: 0, max: 2000 * day }),
        (stability, gap) => {
          const c = { ...createEmptyCard(start), state: State.Review, stability, last_review: start }
          const r = projectRecall(
            [{ topic: 't', stability, lastReview: start.getTime(), state: State.Review }],
            start.getTime() + gap,
          )
          expect(r.recall).toBe(scheduler.get_retrievability(c, new Date(start.getTime() + gap), false))
        },
      ),
      runs,
    )
  })

  it('counts unseen cards as forgotten and averages per topic', () => {
    const c = studied()
    const seen = { stability: c.stability, lastReview: c.last_review?.getTime() ?? null, state: c.state }
    const exam = (c.last_review?.getTime() ?? 0) + 10 * day
    const r = scheduler.get_retrievability(c, new Date(exam), false)
    const projection = projectRecall(
      [
        { topic: 'b', ...seen },
        { topic: 'a', ...seen },
        { topic: 'a', stability: 0, lastReview: null, state: State.New },
      ],
      exam,
    )
    expect(projection.topics).toEqual([
      { topic: 'a', recall: r / 2, cards: 2, unseen: 1 },
      { topic: 'b', recall: r, cards: 1, unseen: 0 },
    ])
    expect(projection.recall).toBeCloseTo((2 * r) / 3, 12)
    expect(projection.unseen).toBe(1)
  })

  it('predicts nothing for no cards', () => {
    expect(projectRecall([], 0)).toEqual({ recall: 0, cards: 0, unseen: 0, topics: [] })
  })
})

describe('reviewsNeededPerDay', () => {
  it('charges one review per below-target card, spread over the days left', () => {
    expect(reviewsNeededPerDay({ unseen: 0, belowTarget: 30, daysLeft: 7, target: 0.9 })).toEqual({
      perDay: 5,
      total: 30,
      perNewCard: 0,
    })
  })

  it('charges a new card its learning steps and the reviews due before the exam', () => {
    // Rated Good from day 0 with default parameters: 0, +10 min, day 2, day 13, day 59 (no fuzz).
    expect(reviewsNeededPerDay({ unseen: 1, belowTarget: 0, daysLeft: 30, target: 0.9 }).perNewCard).toBe(4)
    expect(reviewsNeededPerDay({ unseen: 1, belowTarget: 0, daysLeft: 1, target: 0.9 }).perNewCard).toBe(2)
  })

  it('asks for more reviews for a higher target', () => {
    const load = { unseen: 100, belowTarget: 10, daysLeft: 60 }
    const relaxed = reviewsNeededPerDay({ ...load, target: 0.8 })
    const strict = reviewsNeededPerDay({ ...load, target: 0.97 })
    expect(strict.total).toBeGreaterThan(relaxed.total)
  })

  it('puts everything on one day when the exam is today', () => {
    expect(reviewsNeededPerDay({ unseen: 0, belowTarget: 12, daysLeft: 0, target: 0.9 }).perDay).toBe(12)
  })

  it('rejects a target outside (0, 1) and negative counts', () => {
    expect(() => reviewsNeededPerDay({ unseen: 1, belowTarget: 0, daysLeft: 3, target: 1 })).toThrow(
      ReadinessInputError,
    )
    expect(() => reviewsNeededPerDay({ unseen: -1, belowTarget: 0, daysLeft: 3, target: 0.9 })).toThrow(
      ReadinessInputError,
    )
  })
})
