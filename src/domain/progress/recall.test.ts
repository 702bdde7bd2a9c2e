import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createScheduler, defaultSettings, newCardState } from '../scheduling'
import { recallAt } from './recall'

describe('predicted recall', () => {
  it('equals the scheduler’s ts-fsrs retrievability for any seen card', () => {
    const scheduler = createScheduler({ ...defaultSettings(), fuzz: false })
    const { w } = scheduler.parameters
    const start = Date.UTC(2024, 0, 1)
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 36500, noNaN: true }),
        fc.integer({ min: start, max: start + 400 * 86_400_000 }),
        fc.integer({ min: -3_600_000, max: 500 * 86_400_000 }),
        fc.constantFrom(1, 2, 3),
        (stability, lastReview, elapsed, state) => {
          const card = { ...newCardState(lastReview), state, stability, lastReview }
          expect(recallAt(w, stability, lastReview, lastReview + elapsed)).toBe(
            scheduler.retrievability(card, lastReview + elapsed),
          )
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('is 1 just after a review and falls to 90% after one stability worth of days', () => {
    const { w } = createScheduler(defaultSettings()).parameters
    expect(recallAt(w, 10, 0, 0)).toBe(1)
    expect(recallAt(w, 10, 0, 10 * 86_400_000)).toBeCloseTo(0.9, 6)
  })
})
