export interface TopicBar {
  title: string
  correct: number
  total: number
}

export interface ExamBarsProps {
  topics: TopicBar[]
  passMark: number
}

const row = 44
/** Share of the width the bars get; the rest, on the right, holds each row's score. */
const track = 0.72

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`

/** About what fits a 390-px phone at 14 px; the whole title is in the table below the chart. */
const shortTitle = (title: string) => (title.length > 46 ? `${title.slice(0, 45).trimEnd()}…` : title)

/**
 * Score by topic as horizontal SVG bars, drawn on the server, laid out as the progress page's
 * bar chart: the label on its own line (a long topic name has the whole width on a phone), then
 * the bar and, to its right, the score, so no label and score share a line. The pass mark is a
 * dashed tick on each bar, never a line through the labels. Colour is never the only cue: each
 * row prints its score, and the page has the same figures as a table.
 */
export function ExamBars(props: ExamBarsProps) {
  const height = props.topics.length * row + 20
  const mark = `${Math.round(props.passMark * 100)}%`
  const markX = pct(props.passMark * track)
  const summary = props.topics
    .map((t) => `${t.title}: ${t.correct} of ${t.total} (${Math.round((t.correct / Math.max(t.total, 1)) * 100)}%)`)
    .join('; ')
  return (
    <svg class="chart exam-bars" width="100%" height={height} role="img" aria-labelledby="bars-title bars-desc">
      <title id="bars-title">Score by topic, pass mark {mark}</title>
      <desc id="bars-desc">{summary}</desc>
      {props.topics.map((topic, i) => {
        const y = i * row
        const share = topic.correct / Math.max(topic.total, 1)
        return (
          <g>
            <text class="label" x="0" y={y + 14}>
              {shortTitle(topic.title)}
            </text>
            <rect class="track" x="0" y={y + 21} width={pct(track)} height="14" rx="3" />
            {share > 0 ? (
              <rect
                class={share >= props.passMark ? 'bar' : 'bar low'}
                x="0"
                y={y + 21}
                width={pct(share * track)}
                height="14"
                rx="3"
              />
            ) : null}
            <line class="pass-mark" x1={markX} x2={markX} y1={y + 18} y2={y + 38} />
            <text class="value" x={pct(track + 0.02)} y={y + 33}>
              {`${topic.correct}/${topic.total} · ${Math.round(share * 100)}%`}
            </text>
          </g>
        )
      })}
      <text class="value" x={markX} y={height - 3} text-anchor="middle">
        pass {mark}
      </text>
    </svg>
  )
}
