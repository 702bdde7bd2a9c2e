import { describe, expect, it } from 'vitest'
import { streakOf } from './streak'

/** Days as a string, one character each from the first study day: x done, . not done. */
const streak = (days: string) => streakOf((d) => days[d] === 'x', 0, days.length - 1)

describe('streaks', () => {
  it('is zero before anything was studied', () => {
    expect(streakOf(() => true, -1, 10)).toEqual({ current: 0, longest: 0 })
  })

  it('counts today once it qualifies', () => {
    expect(streak('xxx')).toEqual({ current: 3, longest: 3 })
  })

  it('keeps the run going while today is still open', () => {
    expect(streak('xx.')).toEqual({ current: 2, longest: 2 })
  })

  it('breaks the run on a missed day before today', () => {
    expect(streak('xxxx.xx')).toEqual({ current: 2, longest: 4 })
    expect(streak('xxxx..')).toEqual({ current: 0, longest: 4 })
  })

  it('finds the longest run anywhere in the history', () => {
    expect(streak('x.xxx.xx.x')).toEqual({ current: 1, longest: 3 })
  })
})
