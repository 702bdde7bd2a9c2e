import type { DeckSummary } from '../../db/queries/decks'
import type { Blueprint } from '../../domain/exam'
import { shownTime } from '../../format'
import type { ExamSummary } from '../../services/exams'
import type { Readiness } from '../../services/readiness'
import { ReadinessPanel } from '../components/readiness-panel'
import { invalidIn, NumberField, StartForm, type StartFormError } from '../components/start-form'
import { formatNames, percent } from './exam-format'

export interface ExamStartValues {
  /** `blueprint`, `notes`, or empty for the default. */
  draw: string
  topics: string[]
  questionCount: string
  minutes: string
  format: string
}

export interface ExamsPageProps {
  csrfToken: string
  deck: DeckSummary
  decks: DeckSummary[]
  readiness: Readiness
  history: ExamSummary[]
  timeZone: string
  values?: ExamStartValues
  error?: StartFormError | undefined
}

const defaults: ExamStartValues = { draw: '', topics: [], questionCount: '55', minutes: '90', format: 'mixed' }

function History(props: { history: ExamSummary[]; timeZone: string }) {
  if (props.history.length === 0) return <p class="muted">No mock exams yet.</p>
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col" class="num">
            Questions
          </th>
          <th scope="col" class="num">
            Score
          </th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {props.history.map((exam) => (
          <tr>
            <td>{shownTime(exam.startedAt, props.timeZone)}</td>
            <td class="num">{exam.questionCount}</td>
            <td class="num">{exam.score === null ? '–' : percent(exam.score)}</td>
            <td>
              {exam.status === 'in_progress' ? (
                <a href={`/exams/${exam.id}`}>Continue</a>
              ) : (
                <a href={`/exams/${exam.id}/result`}>{exam.passed ? 'Passed' : 'Not passed'}</a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Blueprint or notes: how the exam's questions are drawn. Checked blueprint unless topics were picked. */
function DrawChoice(props: { blueprint: Blueprint; value: string; invalid?: 'true' | undefined }) {
  const { blueprint } = props
  const notes = props.value === 'notes'
  const split = blueprint.domains.map((d) => `${d.title} ${d.weight}%`).join(', ')
  return (
    <fieldset class="draw-choice" aria-invalid={props.invalid}>
      <legend>Questions</legend>
      <label class="check">
        <input type="radio" name="draw" value="blueprint" checked={!notes} /> {blueprint.name} blueprint{' '}
        <span class="muted">
          (by the {blueprint.title} exam's domains: {split}; every topic, none from your last exams)
        </span>
      </label>
      <label class="check">
        <input type="radio" name="draw" value="notes" checked={notes} /> My notes only{' '}
        <span class="muted">(by topic size, from the topics ticked below)</span>
      </label>
    </fieldset>
  )
}

/** `/exams`: start a timed mock exam, see readiness for the exam date, and past exams. */
export function ExamsPage(props: ExamsPageProps) {
  const values = props.values ?? defaults
  const invalid = invalidIn(props.error)
  return (
    <div class="exams">
      <h1>Exam preparation</h1>
      <section class="card" aria-labelledby="start-title">
        <h2 id="start-title">Start a mock exam</h2>
        <p class="muted">
          Timed like the Docker Certified Associate exam: 55 questions in 90 minutes, multiple choice and DOMC (one
          option at a time, answered yes or no). Or try a <a href="/quiz">quick quiz</a> with instant feedback.
        </p>
        <StartForm
          action="/exams"
          class="exam-start"
          csrfToken={props.csrfToken}
          deck={props.deck}
          topics={values.topics}
          error={props.error}
          before={
            props.deck.blueprint ? (
              <DrawChoice blueprint={props.deck.blueprint} value={values.draw} invalid={invalid('draw')} />
            ) : null
          }
          submit="Start the exam"
        >
          <div class="exam-fields">
            <div>
              <NumberField
                name="questionCount"
                label="Questions"
                max="200"
                value={values.questionCount}
                invalid={invalid('questionCount')}
              />
            </div>
            <div>
              <NumberField
                name="minutes"
                label="Minutes"
                max="600"
                value={values.minutes}
                invalid={invalid('minutes')}
              />
            </div>
            <div>
              <label for="format">Format</label>
              <select id="format" name="format" aria-describedby="format-hint">
                {['mixed', 'mcq', 'domc'].map((format) => (
                  <option value={format} selected={values.format === format}>
                    {formatNames[format]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p id="format-hint" class="muted">
            Mixed: each question comes as multiple choice or DOMC at random, as in the DCA exam; command cards are asked
            as type-in.
          </p>
        </StartForm>
      </section>
      <ReadinessPanel readiness={props.readiness} />
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">Your mock exams</h2>
        <History history={props.history} timeZone={props.timeZone} />
      </section>
    </div>
  )
}
