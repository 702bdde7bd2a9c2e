import type { DeckSummary } from '../../db/queries/decks'
import { CsrfField } from '../components/csrf-field'
import { TopicChoice } from './exam-topic-choice'

export interface QuizStartProps {
  csrfToken: string
  deck: DeckSummary
  values?: { topics: string[]; count: string }
  error?: { field?: string | undefined; message: string }
}

/** `/quiz`: pick topics and a number of questions; each answer is checked at once. */
export function QuizStartPage(props: QuizStartProps) {
  const values = props.values ?? { topics: [], count: '10' }
  const invalid = (name: string) => (props.error?.field === name ? 'true' : undefined)
  return (
    <section class="card quiz-start" aria-labelledby="quiz-title">
      <h1 id="quiz-title">Quick quiz</h1>
      <p class="muted">
        Multiple-choice questions from your notes, no clock. You see at once whether you were right, with the note to
        read. A wrong answer brings the card back in your reviews soon.
      </p>
      {props.error ? (
        <p class="notice" role="alert">
          {props.error.message}
        </p>
      ) : null}
      <form method="post" action="/quiz">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="deck" value={props.deck.slug} />
        <TopicChoice topics={props.deck.topics} checked={values.topics} invalid={invalid('topics')} />
        <label for="count">Questions</label>
        <input
          id="count"
          class="short"
          name="count"
          type="number"
          min="1"
          max="50"
          required
          value={values.count}
          aria-invalid={invalid('count')}
        />
        <p>
          <button type="submit">Start the quiz</button>
        </p>
      </form>
      <p>
        <a href="/exams">Timed mock exams and readiness</a>
      </p>
    </section>
  )
}
