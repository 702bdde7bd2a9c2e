const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const MONTH = (365 / 12) * DAY
const YEAR = 365 * DAY

/** Rounds to one decimal and drops a trailing `.0`: 1.25 → '1.3', 2.0 → '2'. */
const oneDecimal = (value: number) => String(Math.round(value * 10) / 10)

/**
 * A short label for an interval, as Anki writes it on answer buttons: '45s', '10m', '1h',
 * '3d', '2mo', '1.2y'. Seconds to days are whole numbers; months and years keep one decimal.
 * A unit is used once the rounded amount no longer fits the smaller one ('60m' reads '1h').
 */
export function formatInterval(ms: number): string {
  const span = Math.max(0, ms)
  if (Math.round(span / SECOND) < 60) return `${Math.round(span / SECOND)}s`
  if (Math.round(span / MINUTE) < 60) return `${Math.round(span / MINUTE)}m`
  if (Math.round(span / HOUR) < 24) return `${Math.round(span / HOUR)}h`
  if (Math.round(span / DAY) < 30) return `${Math.round(span / DAY)}d`
  if (Math.round((span / MONTH) * 10) / 10 < 12) return `${oneDecimal(span / MONTH)}mo`
  return `${oneDecimal(span / YEAR)}y`
}
