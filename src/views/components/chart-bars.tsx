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
  /** A share to mark with a dashed line (a target); bars below it are drawn as `low`. */
  target?: { share: number; label: string }
}

const rowHeight = 44

/**
 * Horizontal bars, one row per item (topics, decks), for any page. x and widths are
 * percentages of the chart's width, so labels keep their size on a phone. Every row prints its
 * value, so colour is never the only cue. Wrap it in `ChartFigure` for the table fallback.
 */
export function BarChart(props: BarChartProps) {
  const height = props.rows.length * rowHeight + (props.target ? 22 : 4)
  const target = props.target
  const anchor = !target ? 'middle' : target.share > 0.8 ? 'end' : target.share < 0.2 ? 'start' : 'middle'
  return (
    <svg class="chart-bars" width="100%" height={height} role="img" aria-labelledby={chartLabelIds(props.id)}>
      <ChartLabel id={props.id} title={props.title} description={props.description} />
      {props.rows.map((row, i) => {
        const y = i * rowHeight
        const low = target && row.share !== null && row.share < target.share
        return (
          <g>
            <text x="0" y={y + 15}>
              {row.label}
            </text>
            <text class="value" x="100%" y={y + 15} text-anchor="end">
              {row.valueText}
            </text>
            <rect class="track" x="0" y={y + 22} width="100%" height="14" rx="3" />
            {row.share ? (
              <rect
                class={low ? 'bar low' : 'bar'}
                x="0"
                y={y + 22}
                width={percentText(row.share, 2)}
                height="14"
                rx="3"
              />
            ) : null}
          </g>
        )
      })}
      {target ? (
        <>
          <line
            class="target"
            x1={percentText(target.share, 2)}
            x2={percentText(target.share, 2)}
            y1="18"
            y2={height - 16}
          />
          <text class="axis" x={percentText(target.share, 2)} y={height - 3} text-anchor={anchor}>
            {target.label}
          </text>
        </>
      ) : null}
    </svg>
  )
}
