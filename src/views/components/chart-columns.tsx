import { ChartLabel, chartLabelIds } from './chart-figure'

export interface Column {
  /** Printed under some columns (`labelEvery`), e.g. `Jan 16`. */
  label: string
  value: number
  /** Hover text of the column, e.g. `Jan 16: 12 cards due`. */
  title: string
}

export interface ColumnChartProps {
  id: string
  title: string
  description: string
  columns: Column[]
  /** Print the label of every n-th column, starting with the first. */
  labelEvery?: number
}

const top = 18
const plot = 140
const height = top + plot + 24

/**
 * Vertical bars over time (a forecast, counts per day). Positions are percentages of the width,
 * so the chart fills a phone or a desktop column alike; the scale's maximum is printed.
 */
export function ColumnChart(props: ColumnChartProps) {
  const max = Math.max(1, ...props.columns.map((c) => c.value))
  const n = Math.max(1, props.columns.length)
  const every = props.labelEvery ?? 7
  const x = (i: number) => `${((i / n) * 100).toFixed(3)}%`
  // Centred under their column, but the first starts at the left edge and late ones end at the right.
  const labelAt = (i: number) =>
    i === 0
      ? { x: x(0), 'text-anchor': 'start' }
      : i / n > 0.8
        ? { x: x(i + 1), 'text-anchor': 'end' }
        : { x: x(i + 0.5), 'text-anchor': 'middle' }
  return (
    <svg class="chart-columns" width="100%" height={height} role="img" aria-labelledby={chartLabelIds(props.id)}>
      <ChartLabel id={props.id} title={props.title} description={props.description} />
      <text class="axis" x="0" y="12">
        {`${max}`}
      </text>
      <line class="grid" x1="0" x2="100%" y1={top} y2={top} />
      <line class="grid" x1="0" x2="100%" y1={top + plot} y2={top + plot} />
      {props.columns.map((column, i) => {
        const h = Math.round((column.value / max) * plot)
        return (
          <g>
            <rect class="hit" x={x(i)} y={top} width={`${(100 / n).toFixed(3)}%`} height={plot}>
              <title>{column.title}</title>
            </rect>
            {h > 0 ? (
              <rect
                class="bar"
                x={x(i + 0.12)}
                y={top + plot - h}
                width={`${((100 / n) * 0.76).toFixed(3)}%`}
                height={h}
              >
                <title>{column.title}</title>
              </rect>
            ) : null}
            {i % every === 0 ? (
              <text class="axis" {...labelAt(i)} y={top + plot + 16}>
                {column.label}
              </text>
            ) : null}
          </g>
        )
      })}
    </svg>
  )
}
