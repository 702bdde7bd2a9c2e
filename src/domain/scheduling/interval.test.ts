import { describe, expect, it } from 'vitest'
import { formatInterval } from './interval'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('formatInterval', () => {
  it('writes short Anki-like labels', () => {
    const cases: [number, string][] = [
      [0, '0s'],
      [45 * SECOND, '45s'],
      [MINUTE, '1m'],
      [10 * MINUTE, '10m'],
      [HOUR, '1h'],
      [5 * HOUR, '5h'],
      [DAY, '1d'],
      [3 * DAY, '3d'],
      [29 * DAY, '29d'],
      [60 * DAY, '2mo'],
      [45 * DAY, '1.5mo'],
      [438 * DAY, '1.2y'],
      [365 * DAY, '1y'],
      [10 * 365 * DAY, '10y'],
    ]
    expect(cases.map(([ms]) => formatInterval(ms))).toEqual(cases.map(([, label]) => label))
  })

  it('moves to the next unit when rounding reaches it', () => {
    expect(formatInterval(59.6 * SECOND)).toBe('1m')
    expect(formatInterval(59.7 * MINUTE)).toBe('1h')
    expect(formatInterval(23.8 * HOUR)).toBe('1d')
    expect(formatInterval(29.7 * DAY)).toBe('1mo')
    expect(formatInterval(364 * DAY)).toBe('1y')
  })

  it('shows a negative duration as zero', () => {
    expect(formatInterval(-5 * MINUTE)).toBe('0s')
  })
})
