import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addStudyDays, nextDayStart, startOfStudyDay, studyDayOf, studyDayStart, wallClock } from './day'
import { InvalidTimeZoneError } from './errors'

const HOUR = 3_600_000
const at = (iso: string) => Date.parse(iso)

describe('study days', () => {
  it('puts a review at 03:59 local in the previous day when the day starts at 4', () => {
    expect(studyDayOf(at('2026-01-15T03:59:59.999Z'), 'UTC', 4)).toBe('2026-01-14')
    expect(studyDayOf(at('2026-01-15T04:00:00Z'), 'UTC', 4)).toBe('2026-01-15')
    // Berlin is UTC+1 in January: 03:59 local is 02:59 UTC.
    expect(studyDayOf(at('2026-01-15T02:59:00Z'), 'Europe/Berlin', 4)).toBe('2026-01-14')
    expect(studyDayOf(at('2026-01-15T03:00:00Z'), 'Europe/Berlin', 4)).toBe('2026-01-15')
  })

  it('starts the day at midnight when dayStartsAt is 0', () => {
    expect(studyDayOf(at('2026-01-15T00:00:00Z'), 'UTC', 0)).toBe('2026-01-15')
    expect(studyDayOf(at('2026-01-14T23:59:59Z'), 'UTC', 0)).toBe('2026-01-14')
  })

  it('gives the start and the end of the study day holding an instant', () => {
    const now = at('2026-01-15T10:00:00Z')
    expect(startOfStudyDay(now, 'Europe/Berlin', 4)).toBe(at('2026-01-15T03:00:00Z'))
    expect(nextDayStart(now, 'Europe/Berlin', 4)).toBe(at('2026-01-16T03:00:00Z'))
    expect(startOfStudyDay(at('2026-01-15T02:00:00Z'), 'Europe/Berlin', 4)).toBe(at('2026-01-14T03:00:00Z'))
  })

  it('makes the Berlin day 23 hours long when clocks go forward in it', () => {
    // 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00 UTC, inside the day that began on the 28th.
    const start = studyDayStart('2026-03-28', 'Europe/Berlin', 4)
    expect(start).toBe(at('2026-03-28T03:00:00Z'))
    expect(nextDayStart(start, 'Europe/Berlin', 4)).toBe(at('2026-03-29T02:00:00Z'))
    expect(nextDayStart(start, 'Europe/Berlin', 4) - start).toBe(23 * HOUR)
    expect(studyDayOf(at('2026-03-29T01:59:59Z'), 'Europe/Berlin', 4)).toBe('2026-03-28')
    expect(studyDayOf(at('2026-03-29T02:00:00Z'), 'Europe/Berlin', 4)).toBe('2026-03-29')
  })

  it('makes the Berlin day 25 hours long when clocks go back in it', () => {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00 UTC, inside the day that began on the 24th.
    const start = studyDayStart('2026-10-24', 'Europe/Berlin', 4)
    expect(start).toBe(at('2026-10-24T02:00:00Z'))
    expect(nextDayStart(start, 'Europe/Berlin', 4)).toBe(at('2026-10-25T03:00:00Z'))
    expect(nextDayStart(start, 'Europe/Berlin', 4) - start).toBe(25 * HOUR)
    // 03:59 CET on the 25th is 02:59 UTC: still the 24th's study day.
    expect(studyDayOf(at('2026-10-25T02:59:59Z'), 'Europe/Berlin', 4)).toBe('2026-10-24')
    expect(studyDayOf(at('2026-10-25T03:00:00Z'), 'Europe/Berlin', 4)).toBe('2026-10-25')
  })

  it('starts the day when clocks jump over the start hour', () => {
    // With the day starting at 2, 02:00 never happens on 2026-03-29: the day begins at the jump.
    expect(studyDayStart('2026-03-29', 'Europe/Berlin', 2)).toBe(at('2026-03-29T01:00:00Z'))
    expect(studyDayOf(at('2026-03-29T00:59:59Z'), 'Europe/Berlin', 2)).toBe('2026-03-28')
    // Santiago skips 00:00–01:00 on 2026-09-06: a midnight day starts at 01:00 local (-03).
    expect(studyDayStart('2026-09-06', 'America/Santiago', 0)).toBe(at('2026-09-06T04:00:00Z'))
  })

  it('starts the day at the first of two identical wall times when clocks go back', () => {
    // With the day starting at 2, 02:00 happens twice on 2026-10-25 (CEST, then CET).
    expect(studyDayStart('2026-10-25', 'Europe/Berlin', 2)).toBe(at('2026-10-25T00:00:00Z'))
  })

  it('handles a zone half an hour off whole hours', () => {
    // Asia/Kolkata is UTC+05:30: 04:00 local is 22:30 UTC the day before.
    expect(studyDayStart('2026-01-15', 'Asia/Kolkata', 4)).toBe(at('2026-01-14T22:30:00Z'))
    expect(studyDayOf(at('2026-01-14T22:29:00Z'), 'Asia/Kolkata', 4)).toBe('2026-01-14')
    expect(studyDayOf(at('2026-01-14T22:30:00Z'), 'Asia/Kolkata', 4)).toBe('2026-01-15')
    expect(nextDayStart(at('2026-01-15T12:00:00Z'), 'Asia/Kolkata', 4)).toBe(at('2026-01-15T22:30:00Z'))
  })

  it('adds days across month and leap-year ends', () => {
    expect(addStudyDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addStudyDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addStudyDays('2026-03-01', -1)).toBe('2026-02-28')
  })

  it('throws a typed error for an unknown time zone', () => {
    expect(() => studyDayOf(0, 'Mars/Olympus_Mons', 4)).toThrow(InvalidTimeZoneError)
  })

  it('always places an instant between its day start and the next day start', () => {
    const zones = [
      'UTC',
      'Europe/Berlin',
      'Asia/Kolkata',
      'America/New_York',
      'America/Santiago',
      'Australia/Lord_Howe',
    ]
    fc.assert(
      fc.property(
        fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2028-01-01T00:00:00Z') }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (instant, zone, hour) => {
          const start = startOfStudyDay(instant, zone, hour)
          const end = nextDayStart(instant, zone, hour)
          const day = studyDayOf(instant, zone, hour)
          expect(start).toBeLessThanOrEqual(instant)
          expect(end).toBeGreaterThan(instant)
          expect(studyDayOf(start, zone, hour)).toBe(day)
          expect(studyDayOf(start - 1, zone, hour)).toBe(addStudyDays(day, -1))
          expect(studyDayOf(end, zone, hour)).toBe(addStudyDays(day, 1))
          expect(end - start).toBeGreaterThanOrEqual(22 * HOUR)
          expect(end - start).toBeLessThanOrEqual(26 * HOUR)
        },
      ),
      { numRuns: 300, seed: 20260115 },
    )
  })
})

describe('wall clock', () => {
  /** The wall clock as Intl formats it, without the offsets remembered per minute. */
  const formats = new Map<string, Intl.DateTimeFormat>()
  function formatted(instant: number, timeZone: string): number {
    let format = formats.get(timeZone)
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
      formats.set(timeZone, format)
    }
    const parts = format.formatToParts(instant)
    const f = (type: string) => Number(parts.find((p) => p.type === type)?.value)
    const seconds = Date.UTC(f('year'), f('month') - 1, f('day'), f('hour'), f('minute'), f('second'))
    return seconds + (((instant % 1000) + 1000) % 1000)
  }

  it('agrees with Intl second by second around every offset change of a year, in zones that change on odd minutes', () => {
    // Gaza has changed at 00:01 and Lord Howe moves by half an hour; St John's is 3.5 h off UTC.
    for (const zone of ['Europe/Berlin', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Gaza']) {
      for (const year of [2011, 2026]) {
        let previous = formatted(Date.UTC(year, 0, 1), zone) - Date.UTC(year, 0, 1)
        for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += HOUR) {
          const offset = formatted(t, zone) - t
          if (offset === previous) continue
          previous = offset
          // The change happened within the last hour: check it second by second.
          for (let s = t - HOUR; s <= t; s += 1000) {
            const instant = s + 437
            expect(wallClock(instant, zone), `${zone} ${new Date(instant).toISOString()}`).toBe(
              formatted(instant, zone),
            )
          }
        }
      }
    }
  }, 300_000)
})
