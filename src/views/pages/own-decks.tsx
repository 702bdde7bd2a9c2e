import { CsrfField } from '../components/csrf-field'
import { type FormError, FormNotice } from './team-list'

export interface OwnDeck {
  slug: string
  title: string
  cardCount: number
  /** "Yours", or the team's name. */
  owner: string
}

export interface OwnDecksPageProps {
  decks: OwnDeck[]
  /** Teams the caller owns: a deck may be made for one of them. */
  teams: { id: string; name: string }[]
  csrfToken: string
  form?: { name?: string; slug?: string; team?: string } | undefined
  error?: FormError | undefined
}

/** `/decks`: the decks whose notes the caller may change, and a form to create one. */
export function OwnDecksPage(props: OwnDecksPageProps) {
  const form = props.form ?? {}
  const invalid = (field: string) => (props.error?.field === field ? 'true' : undefined)
  return (
    <>
      <h1>Your own decks</h1>
      <section class="card" aria-labelledby="own-decks">
        <h2 id="own-decks">Decks you can change</h2>
        {props.decks.length === 0 ? (
          <p class="muted">None yet. Create one below, then write notes in it or upload Markdown, Anki or CSV files.</p>
        ) : (
          <ul class="topic-list">
            {props.decks.map((deck) => (
              <li>
                <a href={`/decks/${deck.slug}/notes`}>{deck.title}</a>{' '}
                <span class="muted">{`${deck.cardCount} cards · ${deck.owner}`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="new-deck">
        <h2 id="new-deck">Create a deck</h2>
        <FormNotice error={props.error} />
        <form method="post" action="/decks">
          <CsrfField token={props.csrfToken} />
          <label for="deck-name">Deck name</label>
          <input
            id="deck-name"
            name="name"
            required
            maxlength={100}
            value={form.name ?? ''}
            aria-invalid={invalid('name')}
            aria-describedby={props.error ? 'form-error' : undefined}
          />
          <label for="deck-slug">Address (optional)</label>
          <input
            id="deck-slug"
            name="slug"
            pattern="[a-z0-9][a-z0-9\-]{0,63}"
            value={form.slug ?? ''}
            aria-invalid={invalid('slug')}
            aria-describedby="deck-slug-hint"
          />
          <p id="deck-slug-hint" class="muted">
            Lower-case letters, digits and dashes, as in /decks/my-deck. Made from the name when left empty.
          </p>
          {props.teams.length > 0 ? (
            <>
              <label for="deck-team">Owner</label>
              <select id="deck-team" name="team" aria-describedby="deck-team-hint">
                <option value="">Just me</option>
                {props.teams.map((team) => (
                  <option value={team.id} selected={form.team === team.id}>
                    {`Team: ${team.name}`}
                  </option>
                ))}
              </select>
              <p id="deck-team-hint" class="muted">
                A team’s deck is studied by every member, and its checks may draw from it; only its owners change it.
              </p>
            </>
          ) : null}
          <p>
            <button type="submit">Create deck</button>
          </p>
        </form>
      </section>
    </>
  )
}
