/** How values are written out of the app: times as ISO 8601, tables as CSV. */

/** Epoch milliseconds as ISO 8601 UTC; null stays null (a time not set yet). */
export function iso(ms: number): string
export function iso(ms: number | null): string | null
export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString()
}

/**
 * One CSV cell (RFC 4180: a cell holding a comma, quote or line break is quoted, its quotes
 * doubled). Text that a spreadsheet would run as a formula is prefixed with `'`: names, decks
 * and topics are typed by users.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export const csvLine = (values: readonly unknown[]): string => `${values.map(csvCell).join(',')}\r\n`
