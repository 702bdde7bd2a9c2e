import { describe, expect, it } from 'vitest'
import { type FitReview, fitHistory, isHeldOut } from './fit-history'

const HOUR = 3_600_000
const at = (iso: string) => Date.parse(iso)
const utc = { timezone: 'UTC', dayStartsAt: 4 }

describe('fitHistory', () => {
  it('makes one item per review on a later study day, holding the reviews up to it', () => {
    const card = 'card-a'
    const reviews: FitReview[] = [
      { cardId: card, rating: 1, reviewedAt: at('2026-01-10T09:00:00Z') },
      { cardId: card, rating: 3, reviewedAt: at('2026-01-10T09:10:00Z') },
      { cardId: card, rating: 3, reviewedAt: at('2026-01-12T08:00:00Z') },
      { cardId: card, rating: 2, reviewedAt: at('2026-01-17T10:00:00Z') },
    ]
    const history = fitHistory(reviews, utc)
    const items = [...history.train, ...history.heldOut]
    expect(items).toEqual([
      [
        [1, 0],
        [3, 0],
        [3, 2],
      ],
      [
        [1, 0],
        [3, 0],
        [3, 2],
        [2, 5],
      ],
    ])
    expect(history.reviews).toBe(2)
  })

  it('builds no item the optimizer would abort on: first review at 0 days, a later day last, ratings 1 to 4', () => {
    const reviews: FitReview[] = []
    for (let c = 0; c < 50; c++) {
      const start = at('2026-02-01T10:00:00Z') + c * 7 * HOUR
      // Same-day steps only, a rating the optimizer refuses, then a review days later.
      reviews.push({ cardId: `c${c}`, rating: 1, reviewedAt: start })
      reviews.push({ cardId: `c${c}`, rating: 3, reviewedAt: start + 600_000 })
      reviews.push({ cardId: `c${c}`, rating: c % 5 === 0 ? 0 : 3, reviewedAt: start + 700_000 })
      if (c % 2 === 0) reviews.push({ cardId: `c${c}`, rating: 4, reviewedAt: start + (c % 9) * 24 * HOUR })
    }
    const { train, heldOut } = fitHistory(reviews, utc)
    for (const item of [...train, ...heldOut]) {
      expect(item[0]?.[1]).toBe(0)
      expect(item.at(-1)?.[1]).toBeGreaterThan(0)
      for (const [rating, deltaT] of item) {
        expect(rating).toBeGreaterThanOrEqual(1)
        expect(rating).toBeLessThanOrEqual(4)
        expect(deltaT).toBeGreaterThanOrEqual(0)
      }
    }
  })

  it('counts days by study day: a New York evening and the next morning are a day apart', () => {
    const ny = { timezone: 'America/New_York', dayStartsAt: 4 }
    // 21:00 and 09:00 New York time: the same UTC date, two study days.
    const reviews: FitReview[] = [
      { cardId: 'x', rating: 3, reviewedAt: at('2026-03-08T02:00:00Z') },
      { cardId: 'x', rating: 3, reviewedAt: at('2026-03-08T13:00:00Z') },
    ]
    const { train, heldOut } = fitHistory(reviews, ny)
    expect([...train, ...heldOut]).toEqual([
      [
        [3, 0],
        [3, 1],
      ],
    ])
  })

  it('holds out about one card in five, every item of a card on the same side', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `docker-cli-${i}`)
    const held = ids.filter(isHeldOut).length
    expect(held).toBeGreaterThan(330)
    expect(held).toBeLessThan(470)
    const reviews: FitReview[] = ids.slice(0, 40).flatMap((cardId) =>
      [0, 1, 3, 8].map((day, i) => ({
        cardId,
        rating: 3,
        reviewedAt: at('2026-01-10T10:00:00Z') + day * 24 * HOUR + i,
      })),
    )
    const { train, heldOut } = fitHistory(reviews, utc)
    expect(train.length + heldOut.length).toBe(40 * 3)
    expect(heldOut.length % 3).toBe(0)
  })
})
