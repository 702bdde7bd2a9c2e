export interface TopicBar {
  title: string
  correct: number
  total: number
}

export interface ExamBarsProps {
  topics: TopicBar[]
  passMark: number
}

const row = 46

/**
 * Score by topic as horizontal SVG bars, drawn on the server. Widths are percentages of the
 * chart's width, so text keeps its size on a phone; the pass mark is a dashed line. Colour is
 * never the only cue: each row prints its score, and the page has the same figures as a table.
 */
export function ExamBars(props: ExamBarsProps) {
  const height = props.topics.length * row + 18
  const mark = `${Math.round(props.passMark * 100)}%`
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
        const width = `${Math.round(share * 100)}%`
        return (
          <g>
            <text class="label" x="0" y={y + 15}>
              {topic.title}
            </text>
            <text class="value" x="100%" y={y + 15} text-anchor="end">
              {`${topic.correct}/${topic.total} · ${width}`}
            </text>
            <rect class="track" x="0" y={y + 22} width="100%" height="14" rx="3" />
            {share > 0 ? (
              <rect
                class={share >= props.passMark ? 'bar' : 'bar low'}
                x="0"
                y={y + 22}
                width={width}
                height="14"
                rx="3"
              />
            ) : null}
          </g>
        )
      })}
      <line class="pass-mark" x1={mark} x2={mark} y1="18" y2={height - 14} />
      <text class="value" x={mark} y={height - 2} text-anchor="middle">
        pass {mark}
      </text>
    </svg>
  )
}
