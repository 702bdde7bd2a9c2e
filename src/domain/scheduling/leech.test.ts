import { describe, expect, it } from 'vitest'
import type { CardMemory } from './card'
import { applyLeech, isLeechLapse } from './leech'
import { createScheduler } from './scheduler'
import { defaultSettings } from './settings'

const START = Date.parse('2026-01-05T09:00:00Z')
const settings = defaultSettings()
const scheduler = createScheduler(settings, { fuzz: false })

type StudiedCard = CardMemory & { leech: boolean; suspended: boolean }

/** Answers like the review route will: rate, then apply the leech rule to the result. */
function answer(card: StudiedCard, rating: 'again' | 'good', now: number): StudiedCard {
  const { next } = scheduler.rate(card, rating, now)
  return applyLeech({ ...card, ...next }, settings.leechThreshold, card.lapses)
}

/** Fails a review card once: again, then good through relearning back to review. */
function lapse(card: StudiedCard): StudiedCard {
  const failed = answer(card, 'again', card.due)
  return failed.suspended ? failed : answer(failed, 'good', failed.due)
}

function reviewCard(): StudiedCard {
  const { next } = scheduler.rate(null, 'easy', START)
  return { ...next, leech: false, suspended: false }
}

describe('leeches', () => {
  it('flags and suspends a card at exactly its 8th lapse', () => {
    let card = reviewCard()
    for (let n = 1; n <= 7; n++) {
      card = lapse(card)
      expect(card.lapses).toBe(n)
      expect(card.leech).toBe(false)
      expect(card.suspended).toBe(false)
    }
    card = answer(card, 'again', card.due)
    expect(card.lapses).toBe(8)
    expect(card.leech).toBe(true)
    expect(card.suspended).toBe(true)
  })

  it('does not suspend again a leech the user unsuspended when it is answered correctly', () => {
    const leech = { ...reviewCard(), lapses: 8, leech: true, suspended: false }
    const next = answer(leech, 'good', leech.due)
    expect(next.lapses).toBe(8)
    expect(next.suspended).toBe(false)
  })

  it('suspends again every half threshold after the first: the 12th and 16th lapses', () => {
    expect([7, 8, 9, 10, 11, 12, 13, 16].filter((n) => isLeechLapse(n, 8))).toEqual([8, 12, 16])
    expect([1, 2, 3].filter((n) => isLeechLapse(n, 1))).toEqual([1, 2, 3])
    const unsuspended = { lapses: 12, leech: true, suspended: false }
    expect(applyLeech(unsuspended, 8, 11).suspended).toBe(true)
  })

  it('follows the user threshold', () => {
    expect(applyLeech({ lapses: 3, leech: false, suspended: false }, 3, 2)).toEqual({
      lapses: 3,
      leech: true,
      suspended: true,
    })
    expect(applyLeech({ lapses: 3, leech: false, suspended: false }, 4, 2).leech).toBe(false)
  })
})
