import { addStudyDays, studyDayOf, studyDayStart } from './day'
import type { StudySettings } from './settings'

/**
 * ts-fsrs 5.4.2 counts elapsed days by UTC calendar date (`dateDiffInDays`), and has no hook to
 * change that. Anki counts them by the user's study day. So ts-fsrs is fed a study-day clock:
 * every instant is moved to `<its study day> 00:00 UTC` plus the time since that study day began.
 * On that clock the UTC date *is* the study day, and ts-fsrs's own arithmetic gives Anki's
 * elapsed days (and same-day detection for short-term stability) exactly, across DST changes.
 *
 * @see https://github.com/open-spaced-repetition/ts-fsrs/blob/main/src/fsrs/help.ts dateDiffInDays
 */

export type StudyClockSettings = Pick<StudySettings, 'timezone' | 'dayStartsAt'>

const midnightOf = (day: string) => Date.parse(`${day}T00:00:00Z`)
const dayOfStudyTime = (studyTime: number) => new Date(studyTime).toISOString().slice(0, 10)

/** The study-day clock reading of a real instant. */
export function toStudyTime(instant: number, clock: StudyClockSettings): number {
  const day = studyDayOf(instant, clock.timezone, clock.dayStartsAt)
  return midnightOf(day) + (instant - studyDayStart(day, clock.timezone, clock.dayStartsAt))
}

/**
 * The real instant of a study-day clock reading. The time into the day is kept, except on a
 * study day shorter than 24 hours (DST), where it stops at the day's last millisecond, so the
 * instant never leaves its study day.
 */
export function fromStudyTime(studyTime: number, clock: StudyClockSettings): number {
  const day = dayOfStudyTime(studyTime)
  const start = studyDayStart(day, clock.timezone, clock.dayStartsAt)
  const end = studyDayStart(addStudyDays(day, 1), clock.timezone, clock.dayStartsAt)
  return Math.min(start + (studyTime - midnightOf(day)), end - 1)
}

/**
 * A due time computed on the study-day clock, back in real time. Intervals in days land on the
 * same study day they name; shorter steps (learning, relearning) keep their exact length in real
 * minutes, so a 10-minute step across a DST change is still 10 minutes.
 */
export function realDue(
  studyDue: number,
  inDays: boolean,
  now: { real: number; study: number },
  clock: StudyClockSettings,
) {
  return inDays ? fromStudyTime(studyDue, clock) : now.real + (studyDue - now.study)
}
