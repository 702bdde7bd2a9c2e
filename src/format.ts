import { instantOfWallClock, wallClock } from './domain/scheduling'

/**
 * How values are written out of the app and read back from forms: times as ISO 8601 for the API
 * and in the viewer's time zone for pages, tables as CSV.
 */

/** Epoch milliseconds as ISO 8601 UTC; null stays null (a time not set yet). */
export function iso(ms: number): string
export function iso(ms: number | null): string | null
export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString()
}

/**
 * A cell a spreadsheet would run as a formula (or a DDE command) starts with one of these. Text
 * with quotes before one (`'=x`) is guarded too, so that taking one `'` off on import is lossless.
 */
const formulaStart = /^'*[=+\-@\t\r]/

/**
 * One cell of a CSV (or, with `separator` a tab, TSV) record, RFC 4180: a cell holding the
 * separator, a quote or a line break is quoted, its quotes doubled. Text that a spreadsheet would
 * run as a formula is prefixed with `'`, in every table we write: names, decks, topics and card
 * sides are typed by users. Our importer takes the `'` off again (`csvUnguard`), so a deck's
 * export reads back unchanged.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
function tableCell(value: unknown, separator: ',' | '\t'): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV cell (`tableCell` with a comma between cells). */
export const csvCell = (value: unknown): string => tableCell(value, ',')

/** One CSV (or TSV) record, CRLF-terminated as RFC 4180 asks: the one writer of every table. */
export const csvLine = (values: readonly unknown[], separator: ',' | '\t' = ','): string =>
  `${values.map((value) => tableCell(value, separator)).join(separator)}\r\n`

/**
 * A cell as read by our table importer: the one `'` that `csvCell` put before a formula-like
 * start is taken off (a spreadsheet's own convention for "this is text"), so an exported deck
 * imports with the same prompts and answers.
 */
export const csvUnguard = (cell: string): string =>
  cell.startsWith("'") && formulaStart.test(cell) ? cell.slice(1) : cell

/**
 * What `shownTime` writes: `27 Nov 2026`, `Friday 27 November`, `14:32`, `27 Nov 2026, 14:32`, and
 * that with `GMT-8`.
 */
const timeStyles = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  weekday: { weekday: 'long', day: 'numeric', month: 'long' },
  time: { hour: '2-digit', minute: '2-digit' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  dateTimeOffset: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'shortOffset',
  },
} satisfies Record<string, Intl.DateTimeFormatOptions>

export type TimeStyle = keyof typeof timeStyles

/** Built once per zone and style: a page may show a hundred times, and building one is slow. */
const timeFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * An instant as a page shows it, in the viewer's time zone (their `timezone` setting). The
 * `dateTimeOffset` style adds the offset (`GMT+13`) where the reader may be elsewhere or the hour
 * may happen twice: check windows, which a whole team reads.
 */
export function shownTime(instant: number | string, timeZone: string, style: TimeStyle = 'dateTime'): string {
  const key = `${style} ${timeZone}`
  let format = timeFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { ...timeStyles[style], timeZone })
    if (timeFormats.size < 1000) timeFormats.set(key, format)
  }
  return format.format(typeof instant === 'string' ? Date.parse(instant) : instant)
}

const LOCAL_INPUT = /^(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)(?::(\d\d))?$/

/** An instant as a `datetime-local` value (`2026-04-05T02:30`) in `timeZone`. */
export const localInputValue = (instant: number | string, timeZone: string): string =>
  new Date(wallClock(typeof instant === 'string' ? Date.parse(instant) : instant, timeZone)).toISOString().slice(0, 16)

/**
 * A `datetime-local` value read in `timeZone` as an ISO 8601 instant; an hour that happens twice
 * or never is settled by `instantOfWallClock` (RFC 5545). Anything else is returned as it came,
 * for the schema to refuse with the field's name; empty is undefined (no time given).
 */
export function instantFromLocalInput(value: string, timeZone: string): string | undefined {
  if (value === '') return undefined
  const match = LOCAL_INPUT.exec(value)
  if (!match) return value
  const written = `${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}`
  const wall = Date.parse(`${written}Z`)
  // Date.parse rolls 30 February over to March; a day or hour that does not exist stays refused.
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 19) !== written) return value
  return iso(instantOfWallClock(wall, timeZone))
}

/** The key of a deck's topic in per-topic maps (`loadHomeCounts`). */
export const topicKey = (deck: string, topic: string) => `${deck}/${topic}`
