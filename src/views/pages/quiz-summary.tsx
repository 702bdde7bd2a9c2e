import type { PublicQuestion } from '../../domain/exam'
import type { QuizVerdict } from '../../services/quizzes'
import { percent } from './exam-format'

export interface QuizSummaryProps {
  quizId: string
  questions: PublicQuestion[]
  verdicts: Record<string, QuizVerdict>
}

/** The text of the option a learner picked, as the question showed it. */
function chosen(question: PublicQuestion, choice: string): string {
  if (question.kind === 'typein') return choice
  return question.options.find((o) => o.id === choice)?.text ?? choice
}

/** The end of a quiz: the score and every question with its verdict and note. */
export function QuizSummary(props: QuizSummaryProps) {
  const verdicts = props.questions.map((q) => props.verdicts[q.id])
  const right = verdicts.filter((v) => v?.correct).length
  const total = props.questions.length
  return (
    <section class="card quiz-summary" aria-labelledby="summary-title">
      <h1 id="summary-title">
        Quiz done: {right} of {total} right ({percent(right / Math.max(total, 1))})
      </h1>
      <ol class="result-list">
        {props.questions.map((q, i) => {
          const v = verdicts[i]
          return (
            <li class="result-question">
              <p>
                <strong class={v?.correct ? 'ok' : 'error'}>
                  {v ? (v.correct ? '✓ Right' : '✗ Wrong') : 'Not answered'}
                </strong>{' '}
                <a href={`/quiz/${props.quizId}?q=${i + 1}`}>{q.prompt}</a>
              </p>
              {v ? (
                <>
                  <dl class="result-answers">
                    <dt>Right answer</dt>
                    <dd>{v.answer.text}</dd>
                    <dt>Your answer</dt>
                    <dd>{chosen(q, v.choice)}</dd>
                  </dl>
                  <p class="source">
                    <a href={v.source.url}>Read the note</a>
                  </p>
                </>
              ) : null}
            </li>
          )
        })}
      </ol>
      <p class="row">
        <a class="button" href="/quiz">
          Another quiz
        </a>
        <a class="button secondary" href="/review">
          Review due cards
        </a>
      </p>
    </section>
  )
}
