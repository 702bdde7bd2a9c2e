/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

export interface Summary {
  n: number
  p50: number
  p99: number
  perSecond: number
}

/** Summarises per-operation durations (ms) measured over a wall-clock span (ms). */
export function summarise(durations: number[], wallMs: number): Summary {
  return {
    n: durations.length,
    p50: percentile(durations, 50),
    p99: percentile(durations, 99),
    perSecond: (durations.length / wallMs) * 1000,
  }
}

/** Prints rows as an aligned table. */
export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`)
  if (rows.length === 0) return
  const columns = Object.keys(rows[0] ?? {})
  const cell = (v: string | number) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : v)
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c] ?? '').length)))
  const line = (values: string[]) => values.map((v, i) => v.padStart(widths[i] ?? 0)).join('  ')
  console.log(line(columns))
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c] ?? ''))))
}
