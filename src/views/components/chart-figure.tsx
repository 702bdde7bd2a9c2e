import type { Child } from 'hono/jsx'

/** A chart's data as a table: the text alternative shown under the chart on request. */
export interface ChartTable {
  head: string[]
  rows: (string | number)[][]
  /** Columns holding numbers, aligned right. */
  numeric?: number[]
}

export interface ChartFigureProps {
  /** Unique on the page: the chart's title and description ids derive from it. */
  id: string
  title: string
  /** One or two sentences saying what the chart shows, for people who cannot see it. */
  description: string
  table: ChartTable
  /** A visible line under the title: what the figures count, or that there is no data yet. */
  note?: string
  /** The `<svg>`; it should read `chartLabelIds(id)` for `aria-labelledby`. */
  children: Child
}

/** `aria-labelledby` of the `<svg>` in a figure: its `<title>` and `<desc>`. */
export const chartLabelIds = (id: string) => `${id}-title ${id}-desc`

/** The `<title>` and `<desc>` every chart starts with. */
export function ChartLabel(props: { id: string; title: string; description: string }) {
  return (
    <>
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
    </>
  )
}

/**
 * A chart drawn on the server with its text alternative: a heading, the SVG (`role="img"`,
 * labelled by its own title and description) and the same figures as a table in a `<details>`.
 * Charts style themselves with `charts.css`, colours only through the app's light/dark variables.
 */
export function ChartFigure(props: ChartFigureProps) {
  const numeric = new Set(props.table.numeric ?? [])
  return (
    <figure class="svg-chart" aria-labelledby={`${props.id}-caption`}>
      <figcaption id={`${props.id}-caption`}>{props.title}</figcaption>
      {props.note ? <p class="chart-note">{props.note}</p> : null}
      {props.children}
      <details>
        <summary>{`${props.title} as a table`}</summary>
        <table>
          <thead>
            <tr>
              {props.table.head.map((cell, i) => (
                <th scope="col" class={numeric.has(i) ? 'num' : undefined}>
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.table.rows.map((row) => (
              <tr>
                {row.map((cell, i) =>
                  i === 0 ? <th scope="row">{cell}</th> : <td class={numeric.has(i) ? 'num' : undefined}>{cell}</td>,
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}

/** `Jan 16` for a `YYYY-MM-DD` day. */
export function shortDate(day: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  )
}

/** `90%`, or `89.7%` with `digits = 1`. */
export const percentText = (share: number, digits = 0) => `${(share * 100).toFixed(digits)}%`
