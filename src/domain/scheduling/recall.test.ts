import fc from 'fast-check'
import { fsrs } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { newCardState, toFsrsCard } from './card'
import { recallAt } from './recall'
import { createScheduler } from './scheduler'
import { defaultSettings } from './settings'

describe('predicted recall', () => {
  it('equals ts-fsrs get_retrievability for any seen card', () => {
    const f = fsrs({ enable_fuzz: false })
    const start = Date.UTC(2024, 0, 1)
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 36500, noNaN: true }),
        fc.integer({ min: start, max: start + 400 * 86_400_000 }),
        fc.integer({ min: -3_600_000, max: 500 * 86_400_000 }),
        fc.constantFrom(1, 2, 3),
        (stability, lastReview, elapsed, state) => {
          const card = { ...newCardState(lastReview), state, stability, lastReview }
          const at = lastReview + elapsed
          expect(recallAt(f.parameters.w, stability, lastReview, at)).toBe(
            f.get_retrievability(toFsrsCard(card), new Date(at), false),
          )
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('is what the scheduler predicts, and 0 for a card never studied', () => {
    const scheduler = createScheduler({ ...defaultSettings(), fuzz: false })
    const seen = { ...newCardState(0), state: 2, stability: 10, lastReview: 0 }
    expect(scheduler.retrievability(seen, 3 * 86_400_000)).toBe(recallAt(scheduler.parameters.w, 10, 0, 3 * 86_400_000))
    expect(scheduler.retrievability(newCardState(0), 86_400_000)).toBe(0)
  })

  it('is 1 just after a review and falls to 90% after one stability worth of days', () => {
    const { w } = createScheduler(defaultSettings()).parameters
    expect(recallAt(w, 10, 0, 0)).toBe(1)
    expect(recallAt(w, 10, 0, 10 * 86_400_000)).toBeCloseTo(0.9, 6)
  })
})
