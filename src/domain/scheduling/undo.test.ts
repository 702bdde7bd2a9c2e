import fc from 'fast-check'
import { fsrs, State } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { type CardMemory, fromFsrsCard, newCardState, toFsrsCard, toFsrsLog } from './card'
import { CorruptReviewLogError, UndoMismatchError } from './errors'
import { type RatingName, ratingNames } from './names'
import { createScheduler } from './scheduler'
import { defaultSettings } from './settings'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const START = Date.parse('2026-01-05T09:00:00Z')
const scheduler = createScheduler(defaultSettings(), { fuzz: false })

/** Plays answers, each given `delay` after the card fell due, and returns the card. */
function play(answers: RatingName[], delay = 2 * HOUR): { row: CardMemory; now: number } {
  let row: CardMemory | null = null
  let now = START
  for (const rating of answers) {
    row = scheduler.rate(row, rating, now).next
    now = row.due + delay
  }
  return { row: row ?? newCardState(START), now }
}

const cardsInEveryState: [string, CardMemory | null, number][] = [
  ['a card never studied', null, START],
  ['a stored new card', newCardState(START - DAY), START],
  ['a learning card', play(['good']).row, play(['good']).now],
  ['a review card', play(['easy', 'good']).row, play(['easy', 'good']).now],
  ['a review card answered early', play(['easy', 'good']).row, play(['easy', 'good']).row.due - 3 * DAY],
  ['a relearning card', play(['easy', 'good', 'again']).row, play(['easy', 'good', 'again']).now],
  ['a relearning card on its last step', play(['easy', 'again', 'good']).row, play(['easy', 'again', 'good']).now],
]

describe('undo', () => {
  it('covers every ts-fsrs state in the cases below', () => {
    const states = cardsInEveryState.map(([, row]) => row?.state ?? State.New)
    expect(new Set(states)).toEqual(new Set([State.New, State.Learning, State.Review, State.Relearning]))
  })

  for (const [name, row, now] of cardsInEveryState) {
    for (const rating of ratingNames) {
      it(`restores ${name} exactly after ${rating}`, () => {
        const before = row ?? newCardState(now)
        const { next, log } = scheduler.rate(row, rating, now)
        const restored = scheduler.undo(next, log)
        expect(restored).toEqual(before)
        // The fields a stale rollback would most likely get wrong, spelled out.
        expect(restored.due).toBe(before.due)
        expect(restored.lastReview).toBe(before.lastReview)
        expect([restored.reps, restored.lapses, restored.state]).toEqual([before.reps, before.lapses, before.state])
        expect([restored.stability, restored.difficulty]).toEqual([before.stability, before.difficulty])
      })
    }
  }

  it('restores every step of a random history, undone from the newest answer back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...ratingNames), fc.integer({ min: -5 * DAY, max: 60 * DAY })), {
          minLength: 1,
          maxLength: 25,
        }),
        (answers) => {
          const steps: { before: CardMemory; after: CardMemory; log: ReturnType<typeof scheduler.rate>['log'] }[] = []
          let row: CardMemory | null = null
          let now = START
          for (const [rating, delay] of answers) {
            const before = row ?? newCardState(now)
            const { next, log } = scheduler.rate(row, rating, now)
            steps.push({ before, after: next, log })
            row = next
            now = Math.max(next.due + delay, now + 60_000)
          }
          for (const step of steps.reverse()) {
            expect(scheduler.undo(step.after, step.log)).toEqual(step.before)
          }
        },
      ),
      { numRuns: 200, seed: 42 },
    )
  })

  it('needs the before snapshot: ts-fsrs rollback alone puts due at the review time', () => {
    const { row, now } = play(['easy', 'good'])
    const { next, log } = scheduler.rate(row, 'good', now)
    const rolledBack = fromFsrsCard(fsrs({ enable_fuzz: false }).rollback(toFsrsCard(next), toFsrsLog(log)))
    expect(rolledBack.due).toBe(now)
    expect(rolledBack.due).not.toBe(row.due)
    expect({ ...rolledBack, due: row.due }).toEqual(row)
  })

  it('refuses a log that is not the latest review of the card', () => {
    const first = scheduler.rate(null, 'good', START)
    const second = scheduler.rate(first.next, 'good', first.next.due)
    expect(() => scheduler.undo(second.next, first.log)).toThrow(UndoMismatchError)
  })

  it('refuses a log whose before snapshot is unreadable', () => {
    const { next, log } = scheduler.rate(null, 'good', START)
    expect(() => scheduler.undo(next, { ...log, before: 'not json' })).toThrow(CorruptReviewLogError)
    expect(() => scheduler.undo(next, { ...log, before: '{"due":1}' })).toThrow(CorruptReviewLogError)
    expect(() => scheduler.undo(next, { ...log, rating: 0 })).toThrow(CorruptReviewLogError)
  })
})
