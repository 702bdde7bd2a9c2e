import { ChartLabel, chartLabelIds } from './chart-figure'

export interface HeatmapDay {
  /** `YYYY-MM-DD` */
  date: string
  count: number
}

export interface CalendarHeatmapProps {
  id: string
  title: string
  description: string
  /** Consecutive days, oldest first (a year of them fits). */
  days: HeatmapDay[]
  /** How a count reads in a cell's hover text: `12 reviews`. */
  countText: (count: number) => string
}

const cell = 11
const step = 13
const left = 30
const top = 16
const weekdays = ['Mon', '', 'Wed', '', 'Fri', '', '']

const months = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' })
const dayFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })
const monthOf = (date: string) => months.format(new Date(`${date}T00:00:00Z`))
const longDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`))
/** Monday 0 … Sunday 6. */
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7

/** 0 for none, then four steps up to the busiest day. */
export const heatLevel = (count: number, max: number) => (count <= 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4)))

/**
 * A year of days as a GitHub-style grid: one column per week (Monday on top), one cell per day,
 * darker for more. Each cell carries a `<title>`, so hovering a day shows its count.
 */
export function CalendarHeatmap(props: CalendarHeatmapProps) {
  const first = props.days[0]
  const offset = first ? weekdayOf(first.date) : 0
  const weeks = Math.ceil((props.days.length + offset) / 7)
  const max = Math.max(1, ...props.days.map((d) => d.count))
  const width = left + weeks * step
  const height = top + 7 * step + 22
  const legend = width - 34 - 5 * step
  let lastLabel = -3
  return (
    <svg class="chart-heatmap" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={chartLabelIds(props.id)}>
      <ChartLabel id={props.id} title={props.title} description={props.description} />
      {weekdays.map((name, row) =>
        name ? (
          <text class="axis" x="0" y={top + row * step + 9}>
            {name}
          </text>
        ) : null,
      )}
      {props.days.map((day, i) => {
        const col = Math.floor((i + offset) / 7)
        const row = (i + offset) % 7
        const x = left + col * step
        const label = day.date.endsWith('-01') && col - lastLabel >= 3
        if (label) lastLabel = col
        return (
          <>
            {label ? (
              <text class="axis" x={x} y="10">
                {monthOf(day.date)}
              </text>
            ) : null}
            <rect
              class={`heat-${heatLevel(day.count, max)}`}
              x={x}
              y={top + row * step}
              width={cell}
              height={cell}
              rx="2"
            >
              <title>{`${longDay(day.date)}: ${props.countText(day.count)}`}</title>
            </rect>
          </>
        )
      })}
      <text class="axis" x={legend - 4} y={height - 4} text-anchor="end">
        Less
      </text>
      {[0, 1, 2, 3, 4].map((level) => (
        <rect class={`heat-${level}`} x={legend + level * step} y={height - 14} width={cell} height={cell} rx="2" />
      ))}
      <text class="axis" x={width} y={height - 4} text-anchor="end">
        More
      </text>
    </svg>
  )
}
