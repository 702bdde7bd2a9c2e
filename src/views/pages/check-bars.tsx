export interface Bar {
  label: string
  /** 0..1, or null when there is nothing to show (no answers yet). */
  share: number | null
  detail?: string
}

export interface CheckBarsProps {
  title: string
  bars: Bar[]
}

/**
 * A bar chart: the label and value of each row are HTML text (so long topic names wrap on a
 * phone instead of running into the number), the bar itself a small SVG whose width is a
 * percentage. Bars under half are drawn in the "bad" colour; the numbers are printed too, so
 * colour is never the only cue.
 */
export function CheckBars(props: CheckBarsProps) {
  return (
    <ul class="chart" aria-label={props.title}>
      {props.bars.map((bar) => {
        const percent = bar.share === null ? null : Math.round(bar.share * 100)
        const value = percent === null ? 'no answers' : `${percent}%${bar.detail ? ` (${bar.detail})` : ''}`
        return (
          <li>
            <span class="chart-head">
              <span class="label">{bar.label}</span>
              <span class="value">{value}</span>
            </span>
            <svg class="chart-bar" width="100%" height="14" aria-hidden="true">
              <rect class="track" x="0" y="0" width="100%" height="14" rx="3" />
              {percent ? (
                <rect class={percent < 50 ? 'bar low' : 'bar'} x="0" y="0" width={`${percent}%`} height="14" rx="3" />
              ) : null}
            </svg>
          </li>
        )
      })}
    </ul>
  )
}
