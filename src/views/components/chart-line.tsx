import { ChartLabel, chartLabelIds } from './chart-figure'

export interface LinePoint {
  label: string
  /** null leaves a gap (no data for that point). */
  value: number | null
  /** Hover text, e.g. `Week of Jan 5: 91% of 120`. */
  title: string
}

export interface LineChartProps {
  id: string
  title: string
  description: string
  points: LinePoint[]
  /** Bottom and top of the scale. */
  min: number
  max: number
  format: (value: number) => string
  /** A value to mark with a dashed line across the chart (a target). */
  target?: { value: number; label: string }
}

const top = 26
const plot = 150
const height = top + plot + 26
const plotX = 12
const plotWidth = 87

/**
 * A line over time. The line lives in a nested SVG stretched to the plot area
 * (`preserveAspectRatio="none"`, strokes kept at their width by `non-scaling-stroke`), while
 * the labels sit in the outer SVG in percentages, so text is never stretched.
 */
export function LineChart(props: LineChartProps) {
  const n = props.points.length
  const span = props.max - props.min || 1
  const y = (value: number) => 100 - ((Math.min(Math.max(value, props.min), props.max) - props.min) / span) * 100
  const px = (value: number) => top + (y(value) / 100) * plot
  const xAt = (i: number) => `${(plotX + (plotWidth * i) / Math.max(1, n - 1)).toFixed(3)}%`
  const runs: string[] = []
  let run: string[] = []
  props.points.forEach((point, i) => {
    if (point.value === null) {
      if (run.length) runs.push(run.join(' '))
      run = []
    } else run.push(`${i},${y(point.value).toFixed(2)}`)
  })
  if (run.length) runs.push(run.join(' '))
  const target = props.target
  const ticks = [0, Math.floor((n - 1) / 2), n - 1].filter((i, k, all) => i >= 0 && all.indexOf(i) === k)
  return (
    <svg class="chart-line" width="100%" height={height} role="img" aria-labelledby={chartLabelIds(props.id)}>
      <ChartLabel id={props.id} title={props.title} description={props.description} />
      {[props.max, props.min].map((value) => (
        <>
          <line class="grid" x1={`${plotX}%`} x2="100%" y1={px(value)} y2={px(value)} />
          <text class="axis" x={`${plotX - 1}%`} y={px(value) + 4} text-anchor="end">
            {props.format(value)}
          </text>
        </>
      ))}
      {target ? (
        <>
          <line class="target" x1={`${plotX}%`} x2="100%" y1={px(target.value)} y2={px(target.value)} />
          <text class="axis" x="100%" y="12" text-anchor="end">
            <tspan class="key">– – </tspan>
            {target.label}
          </text>
        </>
      ) : null}
      <svg
        x={`${plotX}%`}
        y={top}
        width={`${plotWidth}%`}
        height={plot}
        viewBox={`0 0 ${Math.max(1, n - 1)} 100`}
        preserveAspectRatio="none"
        overflow="visible"
        aria-hidden="true"
      >
        {props.points.map((point, i) => (
          <rect class="hit" x={i - 0.5} y="0" width="1" height="100">
            <title>{point.title}</title>
          </rect>
        ))}
        {runs.map((points) => (
          <polyline class="line" points={points} vector-effect="non-scaling-stroke" />
        ))}
        {props.points.map((point, i) =>
          point.value === null ? null : (
            <line
              class="dot"
              x1={i}
              x2={i}
              y1={y(point.value)}
              y2={y(point.value)}
              vector-effect="non-scaling-stroke"
            />
          ),
        )}
      </svg>
      {ticks.map((i) => (
        <text class="axis" x={xAt(i)} y={height - 6} text-anchor={i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'}>
          {props.points[i]?.label}
        </text>
      ))}
    </svg>
  )
}
