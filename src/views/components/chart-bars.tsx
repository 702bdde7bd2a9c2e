import { ChartLabel, chartLabelIds, percentText } from './chart-figure'

export interface BarRow {
  label: string
  /** 0..1 of the chart's width, or null when there is nothing to draw yet. */
  share: number | null
  /** Printed at the end of the row, e.g. `82% · 14 of 20 seen`. */
  valueText: string
}

export interface BarChartProps {
  id: string
  title: string
  description: string
  rows: BarRow[]
  /** A share to mark on every row with a dashed tick (a target); bars below it are drawn as `low`. */
  target?: { share: number; label: string }
}

const rowHeight = 60
/** Share of the width the bars get: all of it, as values have their own line. */
const track = 1

/**
 * Horizontal bars, one row per item (topics, decks), for any page: the label on its own line,
 * the bar across the whole width, then its value on a line of its own, so neither a long topic
 * name nor a long value ("100% of 6 studied (of 113)") is cut on a 390-px phone. x and widths
 * are percentages of the chart's width, so text keeps its size. Every row prints its value, so
 * colour is never the only cue. Wrap it in `ChartFigure` for the table fallback.
 */
export function BarChart(props: BarChartProps) {
  const height = props.rows.length * rowHeight + (props.target ? 20 : 4)
  const target = props.target
  const targetX = target ? percentText(target.share * track, 2) : '0'
  return (
    <svg class="chart-bars" width="100%" height={height} role="img" aria-labelledby={chartLabelIds(props.id)}>
      <ChartLabel id={props.id} title={props.title} description={props.description} />
      {props.rows.map((row, i) => {
        const y = i * rowHeight
        const low = target && row.share !== null && row.share < target.share
        return (
          <g>
            <text x="0" y={y + 13}>
              {row.label}
            </text>
            <rect class="track" x="0" y={y + 20} width={percentText(track)} height="14" rx="3" />
            {row.share ? (
              <rect
                class={low ? 'bar low' : 'bar'}
                x="0"
                y={y + 20}
                width={percentText(row.share * track, 2)}
                height="14"
                rx="3"
              />
            ) : null}
            {target ? <line class="target" x1={targetX} x2={targetX} y1={y + 17} y2={y + 37} /> : null}
            <text class="value" x="0" y={y + 50}>
              {row.valueText}
            </text>
          </g>
        )
      })}
      {target ? (
        <text class="axis" x={targetX} y={height - 3} text-anchor={target.share > 0.8 ? 'end' : 'middle'}>
          {target.label}
        </text>
      ) : null}
    </svg>
  )
}
