import { describe, expect, it } from 'vitest'
import { dailyQuota, isAvailable, isDue } from './due'

const MINUTE = 60_000
const NOW = Date.parse('2026-01-15T10:00:00Z')
const window = { now: NOW, dayEnd: Date.parse('2026-01-16T04:00:00Z'), learningDueBy: NOW + 20 * MINUTE }
const card = (state: number, due: number, extra: { suspended?: boolean; buriedUntil?: number | null } = {}) => ({
  state,
  due,
  suspended: false,
  buriedUntil: null,
  ...extra,
})

describe('due window', () => {
  it('counts a review card due before the study day ends, not one due at its end', () => {
    expect(isDue(card(2, window.dayEnd - 1), window)).toBe(true)
    expect(isDue(card(2, window.dayEnd), window)).toBe(false)
  })

  it('shows a learning card within the learn-ahead limit, and not one due later today', () => {
    expect(isDue(card(1, NOW + 20 * MINUTE), window)).toBe(true)
    expect(isDue(card(3, NOW + 20 * MINUTE + 1), window)).toBe(false)
  })

  it('brings a buried card back at the instant its burial ends', () => {
    expect(isAvailable({ suspended: false, buriedUntil: NOW }, NOW)).toBe(true)
    expect(isAvailable({ suspended: false, buriedUntil: NOW + 1 }, NOW)).toBe(false)
    expect(isDue(card(2, NOW, { suspended: true }), window)).toBe(false)
  })

  it('never calls a new card due: the new-card limit meters those', () => {
    expect(isDue(card(0, 0), window)).toBe(false)
  })
})

describe('daily quota', () => {
  const limits = { newCardsPerDay: 20, maxReviewsPerDay: 200 }

  it('leaves what the limits allow minus what was done today', () => {
    expect(dailyQuota(limits, { newCards: 5, reviews: 50 }, 30)).toEqual({ review: 30, new: 15 })
  })

  it('lets the review limit cap new cards, as Anki does', () => {
    expect(dailyQuota(limits, { newCards: 0, reviews: 0 }, 190)).toEqual({ review: 190, new: 10 })
    expect(dailyQuota(limits, { newCards: 0, reviews: 150 }, 60)).toEqual({ review: 50, new: 0 })
  })

  it('never goes below zero when today went past a lowered limit', () => {
    expect(dailyQuota(limits, { newCards: 25, reviews: 250 }, 10)).toEqual({ review: 0, new: 0 })
  })
})
