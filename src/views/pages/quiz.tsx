import type { DeckSummary } from '../../db/queries/decks'
import { invalidIn, NumberField, StartForm, type StartFormError } from '../components/start-form'

export interface QuizStartProps {
  csrfToken: string
  deck: DeckSummary
  values?: { topics: string[]; count: string }
  error?: StartFormError | undefined
}

/** `/quiz`: pick topics and a number of questions; each answer is checked at once. */
export function QuizStartPage(props: QuizStartProps) {
  const values = props.values ?? { topics: [], count: '10' }
  return (
    <section class="card quiz-start" aria-labelledby="quiz-title">
      <h1 id="quiz-title">Quick quiz</h1>
      <p class="muted">
        Multiple-choice questions from your notes, no clock. You see at once whether you were right, with the note to
        read. A wrong answer brings the card back in your reviews soon.
      </p>
      <StartForm
        action="/quiz"
        csrfToken={props.csrfToken}
        deck={props.deck}
        topics={values.topics}
        error={props.error}
        submit="Start the quiz"
      >
        <NumberField
          name="count"
          label="Questions"
          class="short"
          max="50"
          value={values.count}
          invalid={invalidIn(props.error)('count')}
        />
      </StartForm>
      <p>
        <a href="/exams">Timed mock exams and readiness</a>
      </p>
    </section>
  )
}
