import type { DeckSummary } from '../../db/queries/decks'
import { CsrfField } from '../components/csrf-field'
import { type FormError, FormNotice } from './team-list'

export interface TeamCheckFormProps {
  teamId: string
  decks: DeckSummary[]
  csrfToken: string
  error?: FormError
  /** The owner's zone, in which the window's `datetime-local` values are read. */
  timeZone: string
}

/** Owners create a check: deck, topics, how many questions, format and an optional window in their zone. */
export function TeamCheckForm(props: TeamCheckFormProps) {
  const invalid = (field: string) => (props.error?.field === field ? 'true' : undefined)
  return (
    <section class="card" aria-labelledby="new-check">
      <h2 id="new-check">Create a knowledge check</h2>
      <p class="hint">Every member gets the same questions. Each member submits once.</p>
      <FormNotice error={props.error} />
      <form method="post" action={`/teams/${props.teamId}/checks`}>
        <CsrfField token={props.csrfToken} />
        <label for="check-title">Title</label>
        <input id="check-title" name="title" required maxlength={120} aria-invalid={invalid('title')} />
        <div class="form-grid">
          <div>
            <label for="check-deck">Deck</label>
            <select id="check-deck" name="deck" aria-invalid={invalid('deck')}>
              {props.decks.map((d) => (
                <option value={d.slug}>{d.title}</option>
              ))}
            </select>
          </div>
          <div>
            <label for="check-count">Questions</label>
            <input
              id="check-count"
              name="questionCount"
              type="number"
              min={1}
              max={100}
              value="10"
              required
              aria-invalid={invalid('questionCount')}
            />
          </div>
          <div>
            <label for="check-format">Format</label>
            <select id="check-format" name="format">
              <option value="mcq">Multiple choice</option>
              <option value="mixed">Multiple choice and typed commands</option>
            </select>
          </div>
        </div>
        {props.decks.map((deck) => (
          <fieldset class="question">
            <legend>{`Topics of ${deck.title} (none ticked: all)`}</legend>
            {deck.topics.map((t) => (
              <label class="option">
                <input type="checkbox" name="topics" value={t.slug} />
                <span>{t.title}</span>
              </label>
            ))}
          </fieldset>
        ))}
        <p id="check-window-zone" class="hint">
          {`Times are in your time zone, ${props.timeZone} (`}
          <a href="/settings#timezone">change</a>
          {'). Members see them in their own.'}
        </p>
        <div class="form-grid">
          <div>
            <label for="check-opens">Opens at (optional)</label>
            <input
              id="check-opens"
              name="opensAt"
              type="datetime-local"
              aria-invalid={invalid('opensAt')}
              aria-describedby="check-window-zone"
            />
          </div>
          <div>
            <label for="check-closes">Closes at (optional)</label>
            <input
              id="check-closes"
              name="closesAt"
              type="datetime-local"
              aria-invalid={invalid('closesAt')}
              aria-describedby="check-window-zone"
            />
          </div>
        </div>
        <p>
          <button type="submit">Create check</button>
        </p>
      </form>
    </section>
  )
}
