import { InvalidTimeZoneError } from './errors'

/**
 * Study days, as Anki counts them: a day runs from `dayStartsAt` o'clock local time to the same
 * wall-clock hour the next day, so a review at 03:59 with the day starting at 4 belongs to the
 * day before. Only `Intl` is used; days are 23 or 25 hours long across DST changes.
 */

/** A study day as `YYYY-MM-DD`. */
export type StudyDay = string

const HOUR = 3_600_000
const DAY = 24 * HOUR

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
    } catch {
      throw new InvalidTimeZoneError(timeZone)
    }
    formatters.set(timeZone, formatter)
  }
  return formatter
}

const MINUTE = 60_000
/** From here on every zone's offset is a whole number of minutes and changes on a whole minute. */
const wholeMinuteOffsetsFrom = Date.UTC(1980, 0, 1)
/** Offsets by zone and UTC minute: `formatToParts` on every request was 3% of the review loop's JS. */
const offsets = new Map<string, number>()

/** The local wall-clock time of `instant` in `timeZone`, written as if that zone were UTC. */
export function wallClock(instant: number, timeZone: string): number {
  if (instant < wholeMinuteOffsetsFrom) return formattedWallClock(instant, timeZone)
  const minute = instant - (((instant % MINUTE) + MINUTE) % MINUTE)
  const key = `${timeZone} ${minute}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    if (offsets.size >= 10_000) offsets.clear()
    offset = formattedWallClock(minute, timeZone) - minute
    offsets.set(key, offset)
  }
  return instant + offset
}

function formattedWallClock(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = Number(part.value)
  const seconds = Date.UTC(
    fields.year ?? 1970,
    (fields.month ?? 1) - 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  )
  return seconds + (((instant % 1000) + 1000) % 1000)
}

const offsetAt = (instant: number, timeZone: string) => wallClock(instant, timeZone) - instant

/**
 * The first instant whose local wall-clock time reaches `wall`. In a DST overlap that is the
 * earlier of the two instants; in a DST gap (the wall time never happens) it is the transition.
 */
function firstInstantAtOrAfter(wall: number, timeZone: string): number {
  const key = `${timeZone} ${wall}`
  let instant = instants.get(key)
  if (instant === undefined) {
    if (instants.size >= 10_000) instants.clear()
    instant = searchFirstInstant(wall, timeZone)
    instants.set(key, instant)
  }
  return instant
}

/**
 * Remembered answers of `firstInstantAtOrAfter`, which is pure: every request asks for the same
 * few day boundaries, and each search formats the time up to a dozen times (`formatToParts` was
 * 2% of the review loop's CPU in the profile).
 */
const instants = new Map<string, number>()

function searchFirstInstant(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY, timeZone)
  const after = offsetAt(wall + DAY, timeZone)
  const exact = [wall - before, wall - after].filter((t) => wallClock(t, timeZone) === wall)
  if (exact.length > 0) return Math.min(...exact)
  // Gap: bisect for the transition, the first instant whose wall clock is past `wall`.
  let lo = Math.min(wall - before, wall - after)
  let hi = Math.max(wall - before, wall - after)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (wallClock(mid, timeZone) >= wall) hi = mid
    else lo = mid
  }
  return hi
}

/**
 * The instant a local wall-clock time (written as if the zone were UTC) names in `timeZone`, for a
 * time a person types, such as a form's `datetime-local`. RFC 5545's rule, which Temporal calls
 * `compatible`: a time that happens twice (clocks go back) is the first of the two; a time that
 * never happens (clocks go forward) is read with the offset in force before the change, so 02:30
 * on a night that skips from 02:00 to 03:00 is 03:30 after it.
 * @see https://www.rfc-editor.org/rfc/rfc5545#section-3.3.5
 * @see https://tc39.es/proposal-temporal/docs/timezone.html#ambiguity-due-to-dst-or-other-time-zone-offset-changes
 */
export function instantOfWallClock(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY, timeZone)
  const after = offsetAt(wall + DAY, timeZone)
  const exact = [wall - before, wall - after].filter((t) => wallClock(t, timeZone) === wall)
  return exact.length > 0 ? Math.min(...exact) : wall - before
}

const dateOf = (wall: number): StudyDay => new Date(wall).toISOString().slice(0, 10)

/** The study day `days` after (or before, when negative) `day`. */
export function addStudyDays(day: StudyDay, days: number): StudyDay {
  return dateOf(Date.parse(`${day}T00:00:00Z`) + days * DAY)
}

/** The study day an instant belongs to. */
export function studyDayOf(instant: number, timeZone: string, dayStartsAt: number): StudyDay {
  return dateOf(wallClock(instant, timeZone) - dayStartsAt * HOUR)
}

/** The instant a given study day begins. */
export function studyDayStart(day: StudyDay, timeZone: string, dayStartsAt: number): number {
  return firstInstantAtOrAfter(Date.parse(`${day}T00:00:00Z`) + dayStartsAt * HOUR, timeZone)
}

/** The instant the study day containing `instant` began. */
export function startOfStudyDay(instant: number, timeZone: string, dayStartsAt: number): number {
  return studyDayStart(studyDayOf(instant, timeZone, dayStartsAt), timeZone, dayStartsAt)
}

/** The instant the next study day begins: the end (exclusive) of the one containing `instant`. */
export function nextDayStart(instant: number, timeZone: string, dayStartsAt: number): number {
  const today = studyDayOf(instant, timeZone, dayStartsAt)
  return studyDayStart(addStudyDays(today, 1), timeZone, dayStartsAt)
}
