import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { instantOfWallClock, wallClock } from './domain/scheduling'
import { csvCell, csvLine, csvUnguard, instantFromLocalInput, localInputValue, shownTime } from './format'

const LA = 'America/Los_Angeles'
const AKL = 'Pacific/Auckland'

describe('a datetime-local value read in the viewer’s zone', () => {
  it('reads an ordinary hour with the offset of that day, on either side of a DST change', () => {
    // Los Angeles: PST (UTC-8) until 2026-03-08 02:00, PDT (UTC-7) after.
    expect(instantFromLocalInput('2026-03-07T09:00', LA)).toBe('2026-03-07T17:00:00.000Z')
    expect(instantFromLocalInput('2026-03-09T09:00', LA)).toBe('2026-03-09T16:00:00.000Z')
    // Auckland: NZDT (UTC+13) until 2026-04-05 03:00, NZST (UTC+12) after.
    expect(instantFromLocalInput('2026-04-04T09:00', AKL)).toBe('2026-04-03T20:00:00.000Z')
    expect(instantFromLocalInput('2026-04-06T09:00', AKL)).toBe('2026-04-05T21:00:00.000Z')
  })

  it('reads an hour that never happens with the offset before the change (02:30 becomes 03:30)', () => {
    expect(instantFromLocalInput('2026-03-08T02:30', LA)).toBe('2026-03-08T10:30:00.000Z')
    expect(localInputValue('2026-03-08T10:30:00.000Z', LA)).toBe('2026-03-08T03:30')
    expect(instantFromLocalInput('2026-09-27T02:30', AKL)).toBe('2026-09-26T14:30:00.000Z')
    expect(localInputValue('2026-09-26T14:30:00.000Z', AKL)).toBe('2026-09-27T03:30')
  })

  it('reads an hour that happens twice as the first of the two', () => {
    expect(instantFromLocalInput('2026-11-01T01:30', LA)).toBe('2026-11-01T08:30:00.000Z')
    expect(instantFromLocalInput('2026-04-05T02:30', AKL)).toBe('2026-04-04T13:30:00.000Z')
    // The second 02:30 in Auckland is an hour later, and shows the same wall time.
    expect(localInputValue('2026-04-04T14:30:00.000Z', AKL)).toBe('2026-04-05T02:30')
  })

  it('leaves what is not a real local time for the schema to refuse, and empty as no time', () => {
    expect(instantFromLocalInput('', LA)).toBeUndefined()
    expect(instantFromLocalInput('2026-02-30T10:00', LA)).toBe('2026-02-30T10:00')
    expect(instantFromLocalInput('2026-02-10T24:00', LA)).toBe('2026-02-10T24:00')
    expect(instantFromLocalInput('tomorrow', LA)).toBe('tomorrow')
    // An API client's instant with an offset is not a datetime-local value: passed on unchanged.
    expect(instantFromLocalInput('2026-04-05T02:30:00+13:00', AKL)).toBe('2026-04-05T02:30:00+13:00')
  })

  it('gives back the first instant with the same wall clock, for any instant in any of these zones', () => {
    const zones = [LA, AKL, 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC']
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom(...zones),
        (t, zone) => {
          const minute = t - (t % 60_000)
          const back = instantOfWallClock(wallClock(minute, zone), zone)
          expect(wallClock(back, zone)).toBe(wallClock(minute, zone))
          expect(back).toBeLessThanOrEqual(minute)
          expect(minute - back).toBeLessThanOrEqual(3_600_000)
        },
      ),
    )
  })
})

describe('times shown in pages', () => {
  it('writes an instant in the viewer’s zone, with the offset where the hour may happen twice', () => {
    expect(shownTime('2026-04-04T13:30:00Z', AKL, 'dateTimeOffset')).toBe('5 Apr 2026, 02:30 GMT+13')
    expect(shownTime('2026-04-04T14:30:00Z', AKL, 'dateTimeOffset')).toBe('5 Apr 2026, 02:30 GMT+12')
    expect(shownTime('2026-04-04T14:30:00Z', LA, 'dateTime')).toBe('4 Apr 2026, 07:30')
    expect(shownTime(Date.UTC(2026, 10, 1, 8, 30), LA, 'time')).toBe('01:30')
    expect(shownTime('2026-04-04T14:30:00Z', AKL, 'date')).toBe('5 Apr 2026')
  })
})

describe('the one CSV writer', () => {
  it('quotes a tab in a TSV cell and guards formula-like text whatever the separator', () => {
    expect(csvLine(['a\tb', '=1+1', 'plain'], '\t')).toBe(`"a\tb"\t'=1+1\tplain\r\n`)
    expect(csvLine(['-v', '@x', '+1', 3, null])).toBe(`'-v,'@x,'+1,3,\r\n`)
  })

  it('takes off exactly the one guard it writes, and leaves any other leading quote', () => {
    const texts = ['=SUM(A1)', '-v', '@home', '+1', '\tindented', "'=quoted", "''=twice", "'plain", 'plain', "'"]
    for (const text of texts) expect(csvUnguard(csvCell(text).replace(/^"|"$/g, '').replaceAll('""', '"'))).toBe(text)
    expect(csvCell("'=quoted")).toBe("''=quoted")
    expect(csvUnguard("'plain")).toBe("'plain")
    expect(csvUnguard("'=x")).toBe('=x')
  })
})
