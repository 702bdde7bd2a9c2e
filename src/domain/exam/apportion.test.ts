import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { apportion } from './apportion'

/** Fixed seed: the same cases on every run; change it to explore others. */
const runs = { seed: 20250301, numRuns: 200 }

describe('apportion', () => {
  it('hands out every seat the groups have room for, never more than a group holds', () => {
    fc.assert(
      fc.property(fc.nat(80), fc.array(fc.nat(30), { maxLength: 8 }), fc.boolean(), (total, sizes, atLeastOne) => {
        const seats = apportion(total, sizes, atLeastOne)
        const capacity = sizes.reduce((a, b) => a + b, 0)
        expect(seats.reduce((a, b) => a + b, 0)).toBe(Math.min(total, capacity))
        for (const [i, s] of seats.entries()) expect(s).toBeLessThanOrEqual(sizes[i] ?? 0)
      }),
      runs,
    )
  })

  it('gives every non-empty group a seat when asked and seats allow', () => {
    expect(apportion(4, [100, 1, 1, 0], true)).toEqual([2, 1, 1, 0])
    expect(apportion(4, [100, 1, 1, 0], false)).toEqual([4, 0, 0, 0])
  })

  it('splits by largest remainder', () => {
    expect(apportion(10, [5, 3, 2], false)).toEqual([5, 3, 2])
    expect(apportion(7, [20, 10, 5], false)).toEqual([4, 2, 1])
  })
})
