import { shownTime } from '../../format'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * "The next card is due in 8 minutes", "… in 3 hours", or a date in the user's time zone.
 * A due time already past means only today's limits hold cards back.
 */
export function describeNextDue(nextDueAt: string | null, now: number, timeZone: string): string {
  if (nextDueAt === null) return 'No studied card is scheduled yet: new cards come with your daily limit.'
  const due = Date.parse(nextDueAt)
  const wait = due - now
  if (wait <= 0) return 'More cards are due, but you reached today’s limit: they come back tomorrow.'
  if (wait < HOUR) {
    const minutes = Math.max(1, Math.round(wait / MINUTE))
    return `The next card is due in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`
  }
  if (wait < 24 * HOUR) {
    const hours = Math.round(wait / HOUR)
    return `The next card is due in ${hours} ${hours === 1 ? 'hour' : 'hours'}.`
  }
  return `The next card is due on ${shownTime(due, timeZone, 'weekday')}.`
}
