import type { DeckSummary } from '../../db/queries/decks'

export interface HomeProps {
  signedIn: boolean
  decks: DeckSummary[]
}

function Welcome() {
  return (
    <section class="card">
      <h1>Learn Docker from your own notes</h1>
      <p>
        dockdeck turns Markdown notes into spaced-repetition cards, schedules them with FSRS, and prepares you for
        certification exams with timed mock exams.
      </p>
      <p class="row">
        <a class="button" href="/signup">
          Create an account
        </a>
        <a class="button secondary" href="/signin">
          Sign in
        </a>
      </p>
    </section>
  )
}

export function HomePage(props: HomeProps) {
  if (!props.signedIn) return <Welcome />
  return (
    <>
      <h1>Your decks</h1>
      {props.decks.length === 0 ? (
        <p class="card">No decks yet. Add Markdown notes under content/ and run npm run content:sync.</p>
      ) : null}
      {props.decks.map((deck) => (
        <section class="card" aria-labelledby={`deck-${deck.slug}`}>
          <h2 id={`deck-${deck.slug}`}>
            <a href={`/decks/${deck.slug}`}>{deck.title}</a>
          </h2>
          <p class="muted">{`${deck.cardCount} cards in ${deck.topics.length} topics`}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Topic</th>
                <th scope="col" class="num">
                  Cards
                </th>
              </tr>
            </thead>
            <tbody>
              {deck.topics.map((topic) => (
                <tr>
                  <td>
                    <a href={`/decks/${deck.slug}?topic=${topic.slug}`}>{topic.title}</a>
                  </td>
                  <td class="num">{topic.cardCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  )
}
