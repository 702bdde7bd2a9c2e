import { shownTime } from '../../format'
import type { checkView } from '../../services/checks'
import { CardHtml } from '../components/card-html'
import { CsrfField } from '../components/csrf-field'
import { CheckBars } from './check-bars'
import { QuestionResult } from './exam-result'
import { type FormError, FormNotice } from './team-list'

export type CheckView = Awaited<ReturnType<typeof checkView>>
type Submission = NonNullable<CheckView['submission']>

export interface CheckPageProps {
  check: CheckView
  csrfToken: string
  error?: FormError
  /** The viewer's zone: the window is shown in it, with its offset, since team members may be elsewhere. */
  timeZone: string
}

const when = (iso: string | null, timeZone: string) => (iso ? shownTime(iso, timeZone, 'dateTimeOffset') : '')

function Result(props: { submission: Submission }) {
  const s = props.submission
  return (
    <section class="card" aria-labelledby="your-result">
      <h2 id="your-result">Your result</h2>
      <p class="score-big">{`${s.correct} of ${s.total} (${Math.round(s.score * 100)}%)`}</p>
      <CheckBars
        title="Your score by topic"
        bars={s.topics.map((t) => ({
          label: t.title,
          share: t.total ? t.correct / t.total : null,
          detail: `${t.correct}/${t.total}`,
        }))}
      />
      <p class="hint">Your team owners see the results of everyone who took this check.</p>
    </section>
  )
}

/** After the check has closed: each question with the right answer beside the member's own. */
function Answers(props: { check: CheckView; timeZone: string }) {
  const { check } = props
  if (!check.answers)
    return (
      <p class="hint">
        {check.closesAt
          ? `The right answers show here once the check closes, at ${when(check.closesAt, props.timeZone)}.`
          : 'This check has no closing time, so its right answers stay hidden from everyone who could still take it.'}
      </p>
    )
  const titles = new Map(check.submission?.topics.map((t) => [t.topic, t.title]))
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">Your answers</h2>
      <ol class="result-list">
        {check.answers.map((q, i) => (
          <QuestionResult question={q} number={i + 1} topic={titles.get(q.topic) ?? q.topic} />
        ))}
      </ol>
    </section>
  )
}

function Questions(props: CheckPageProps) {
  const { check } = props
  return (
    <form method="post" action={`/checks/${check.id}`} data-check>
      <CsrfField token={props.csrfToken} />
      {check.questions.map((q, i) => (
        <fieldset class="question" aria-describedby={`prompt-${q.id}`}>
          <legend>{`Question ${i + 1} of ${check.questions.length}`}</legend>
          <p class="topic">{q.topicTitle}</p>
          <div id={`prompt-${q.id}`}>
            <CardHtml class="prompt" html={q.promptHtml} />
          </div>
          {q.kind === 'typein' ? (
            <>
              <label for={`q-${q.id}`}>Type the command</label>
              <input
                id={`q-${q.id}`}
                name={`q.${q.id}`}
                autocomplete="off"
                autocapitalize="off"
                spellcheck={false}
                maxlength={500}
              />
            </>
          ) : (
            q.options.map((o) => (
              <label class="option">
                <input type="radio" name={`q.${q.id}`} value={o.id} />
                <CardHtml class="html" html={o.html} />
              </label>
            ))
          )}
        </fieldset>
      ))}
      <p class="row">
        <button type="submit">Submit answers</button>
        <span id="answered-count" class="answered-count muted" aria-live="polite" />
      </p>
      <p class="hint">You can submit once. Unanswered questions count as wrong.</p>
    </form>
  )
}

/** `/checks/:id`: take the check, or see your result once submitted. */
export function CheckPage(props: CheckPageProps) {
  const { check } = props
  return (
    <>
      <h1>{check.title}</h1>
      <p class="row">
        <a href={`/teams/${check.teamId}`}>Back to the team</a>
        {check.role === 'owner' ? <a href={`/checks/${check.id}/results`}>Results</a> : null}
        <span class="muted">{`${check.questionCount} questions from ${check.deck}`}</span>
      </p>
      <FormNotice error={props.error} />
      {check.submission ? (
        <>
          <Result submission={check.submission} />
          <Answers check={check} timeZone={props.timeZone} />
        </>
      ) : check.status === 'upcoming' ? (
        <p class="card">{`This check opens at ${when(check.opensAt, props.timeZone)}.`}</p>
      ) : check.status === 'closed' ? (
        <p class="card">{`This check closed at ${when(check.closesAt, props.timeZone)}.`}</p>
      ) : (
        <Questions {...props} />
      )}
    </>
  )
}
