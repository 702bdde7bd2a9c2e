import { shownTime } from '../../format'
import type { ExamInProgress } from '../../services/exams'
import { CardHtml } from '../components/card-html'
import { CsrfField } from '../components/csrf-field'
import { ExamAnswer } from './exam-answer'
import { clock, formatNames } from './exam-format'
import { ExamNavigator } from './exam-navigator'

export interface ExamQuestionPageProps {
  exam: ExamInProgress
  /** 0-based index of the question shown. */
  index: number
  csrfToken: string
  timeZone: string
  /** Topic titles by slug. */
  topics: Record<string, string>
}

function Countdown(props: { exam: ExamInProgress; timeZone: string }) {
  const { endsAt, now } = props.exam
  if (!endsAt) return null
  const left = Date.parse(endsAt) - Date.parse(now)
  return (
    <p class="countdown" data-ends-at={endsAt} data-now={now}>
      <span class="muted">Time left</span>{' '}
      <time class="countdown-clock" datetime={`PT${Math.max(0, Math.ceil(left / 1000))}S`}>
        {clock(left)}
      </time>{' '}
      <span class="muted">(ends {shownTime(endsAt, props.timeZone, 'time')})</span>
      <span class="visually-hidden countdown-alert" role="status" />
    </p>
  )
}

/** Submitting asks for confirmation first, in the page itself: a disclosure, no script needed. */
function SubmitExam(props: { exam: ExamInProgress; csrfToken: string }) {
  const states = Object.values(props.exam.answers)
  const unanswered = states.filter((s) => !s.answered).length
  const flagged = states.filter((s) => s.flagged).length
  return (
    <details class="submit-exam card">
      <summary>Submit the exam…</summary>
      <p>
        {unanswered === 0 ? 'You answered every question.' : `${unanswered} questions are not answered yet.`}{' '}
        {flagged > 0 ? `${flagged} are flagged for review.` : ''} Once submitted, answers cannot be changed.
      </p>
      <form method="post" action={`/exams/${props.exam.id}/submit`} class="submit-form">
        <CsrfField token={props.csrfToken} />
        <button type="submit">Submit and see my score</button>
      </form>
    </details>
  )
}

/** `/exams/:id`: one question per page, the countdown, the navigator and the submit button. */
export function ExamQuestionPage(props: ExamQuestionPageProps) {
  const { exam, index } = props
  const question = exam.questions[index]
  if (!question) return null
  const state = exam.answers[question.id] ?? { answered: false, flagged: false }
  return (
    <div class="exam">
      <header class="exam-bar">
        <h1>
          Question {index + 1} <span class="muted">of {exam.questionCount}</span>
        </h1>
        <Countdown exam={exam} timeZone={props.timeZone} />
      </header>
      <div class="exam-layout">
        <section class="card exam-question" aria-labelledby="question-title">
          <h2 id="question-title" class="question-meta">
            <span>{formatNames[question.kind]}</span>
            <span class="muted"> · {props.topics[question.topic] ?? question.topic}</span>
            {state.flagged ? <span class="flag-note"> · ⚑ flagged</span> : null}
          </h2>
          <CardHtml html={question.promptHtml} class="card-html prompt" />
          <ExamAnswer
            examId={exam.id}
            question={question}
            state={state}
            index={index}
            total={exam.questionCount}
            csrfToken={props.csrfToken}
          />
        </section>
        <ExamNavigator
          examId={exam.id}
          questionIds={exam.questions.map((q) => q.id)}
          answers={exam.answers}
          current={index}
        />
      </div>
      <SubmitExam exam={exam} csrfToken={props.csrfToken} />
    </div>
  )
}
