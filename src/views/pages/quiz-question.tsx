import type { PublicQuestion } from '../../domain/exam'
import type { QuizVerdict } from '../../services/quizzes'
import { CardHtml } from '../components/card-html'
import { CsrfField } from '../components/csrf-field'
import { optionLetter } from './exam-format'

export interface QuizQuestionProps {
  quizId: string
  question: PublicQuestion
  /** 0-based. */
  index: number
  total: number
  verdict?: QuizVerdict | undefined
  topicTitle: string
  csrfToken: string
}

function Verdict(props: { verdict: QuizVerdict; next: string; last: boolean }) {
  const v = props.verdict
  return (
    <div class="quiz-verdict">
      <p class={`verdict-line ${v.correct ? 'ok' : 'error'}`} role="status">
        {v.correct ? '✓ Right!' : `✗ Not quite: the answer is “${v.answer.text}”.`}
      </p>
      <p>
        <a href={v.source.url}>Read the note</a>{' '}
        <span class="muted">{v.source.file ? `(${v.source.file}, line ${v.source.line})` : ''}</span>
      </p>
      <p>
        <a class="button next-link" href={props.next}>
          {props.last ? 'See your score' : 'Next question'} <kbd>Enter</kbd>
        </a>
      </p>
    </div>
  )
}

/** One quiz question: the options as a form, or (once answered) the verdict on each option. */
export function QuizQuestion(props: QuizQuestionProps) {
  const { question, verdict, quizId, index, total } = props
  if (question.kind === 'typein') return null
  const last = index + 1 >= total
  const next = last ? `/quiz/${quizId}?q=done` : `/quiz/${quizId}?q=${index + 2}`
  return (
    <section class="card quiz-question" aria-labelledby="quiz-question-title">
      <h1 id="quiz-question-title" class="question-meta">
        Question {index + 1}{' '}
        <span class="muted">
          of {total} · {props.topicTitle}
        </span>
      </h1>
      <CardHtml html={question.promptHtml} class="card-html prompt" />
      <form method="post" action={`/quiz/${quizId}/answer`} class="answer-form" data-kind="quiz">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="question" value={question.id} />
        <input type="hidden" name="q" value={String(index + 1)} />
        <fieldset class="options" disabled={verdict !== undefined}>
          <legend>
            Choose one answer <span class="muted">(keys A–D or 1–4)</span>
          </legend>
          {question.options.map((option, i) => {
            const mark =
              verdict && option.id === verdict.answer.optionId
                ? 'right'
                : verdict && option.id === verdict.choice
                  ? 'wrong'
                  : ''
            return (
              <label class={`option ${mark}`}>
                <input type="radio" name="choice" value={option.id} checked={verdict?.choice === option.id} required />
                <span class="letter" aria-hidden="true">
                  {optionLetter(i)}
                </span>
                <span class="option-text">{option.text}</span>
                {mark ? (
                  <span class="option-mark">{mark === 'right' ? ' ✓ right answer' : ' ✗ your answer'}</span>
                ) : null}
              </label>
            )
          })}
        </fieldset>
        {verdict ? null : (
          <p>
            <button type="submit">Check my answer</button>
          </p>
        )}
      </form>
      {verdict ? <Verdict verdict={verdict} next={next} last={last} /> : null}
    </section>
  )
}
