import type { AnswerState } from '../../services/exam-state'

export interface ExamNavigatorProps {
  examId: string
  questionIds: string[]
  answers: Record<string, AnswerState>
  /** 0-based index of the question on the page. */
  current: number
}

function stateText(state: AnswerState | undefined): string {
  const parts = [state?.answered ? 'answered' : 'not answered']
  if (state?.flagged) parts.push('flagged')
  return parts.join(', ')
}

/** Every question of the exam as a link, marked answered and flagged (in text, not only colour). */
export function ExamNavigator(props: ExamNavigatorProps) {
  const states = props.questionIds.map((id) => props.answers[id])
  const answered = states.filter((s) => s?.answered).length
  const flagged = states.filter((s) => s?.flagged).length
  return (
    <nav class="navigator card" aria-labelledby="navigator-title">
      <h2 id="navigator-title">Questions</h2>
      <p class="muted">
        {answered} of {props.questionIds.length} answered · {flagged} flagged
      </p>
      <ol class="navigator-grid">
        {props.questionIds.map((_, i) => {
          const state = states[i]
          const classes = ['nav-item', state?.answered ? 'answered' : '', state?.flagged ? 'flagged' : '']
          return (
            <li>
              <a
                class={classes.filter(Boolean).join(' ')}
                href={`/exams/${props.examId}?q=${i + 1}`}
                aria-current={i === props.current ? 'page' : undefined}
              >
                {i + 1}
                <span class="visually-hidden">{`, ${stateText(state)}`}</span>
                {state?.flagged ? (
                  <span class="flag-mark" aria-hidden="true">
                    ⚑
                  </span>
                ) : null}
              </a>
            </li>
          )
        })}
      </ol>
      <p class="navigator-legend muted" aria-hidden="true">
        <span class="nav-item answered">1</span> answered <span class="nav-item">2</span> not answered{' '}
        <span class="nav-item flagged">
          3<span class="flag-mark">⚑</span>
        </span>{' '}
        flagged
      </p>
    </nav>
  )
}
