import type { Child } from 'hono/jsx'
import type { DeckSummary } from '../../db/queries/decks'

interface StudyCounts {
  /** Learning cards due now and reviews due today. */
  due: number
  /** New cards today's limit still allows. */
  newToday: number
  /** Cards never studied. */
  unseen: number
}

export type HomeDeck = Omit<DeckSummary, 'topics'> &
  StudyCounts & { topics: (DeckSummary['topics'][number] & StudyCounts)[] }

export interface HomeProps {
  signedIn: boolean
  decks: HomeDeck[]
  doneToday: number
  /** The first-run introduction, until the first review or a skip. */
  welcome?: Child
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

const reviewHref = (deck: string, topic?: string) =>
  `/review?deck=${encodeURIComponent(deck)}${topic ? `&topic=${encodeURIComponent(topic)}` : ''}`

function StartReview(props: { href: string; label: string; busy: boolean }) {
  return (
    <a class={props.busy ? 'button' : 'button secondary'} href={props.href}>
      <span class="wide-only">Start review</span>
      <span class="narrow-only">Review</span>
      <span class="visually-hidden">{` of ${props.label}`}</span>
    </a>
  )
}

function DeckSection(props: { deck: HomeDeck }) {
  const { deck } = props
  return (
    <section class="card deck" aria-labelledby={`deck-${deck.slug}`}>
      <div class="row">
        <h2 id={`deck-${deck.slug}`} class="grow">
          <a href={`/decks/${deck.slug}`}>{deck.title}</a>
        </h2>
        <StartReview href={reviewHref(deck.slug)} label={deck.title} busy={deck.due + deck.newToday > 0} />
      </div>
      <p class="deck-counts">
        <strong data-count="due">{deck.due}</strong> due · <strong data-count="new">{deck.newToday}</strong> new today ·{' '}
        <span class="muted">{`${deck.unseen} unseen of ${deck.cardCount} cards`}</span>
      </p>
      {/* Each row counts what its topic could give alone; the daily limit is one for all of them. */}
      {deck.topics.reduce((n, t) => n + t.newToday, 0) > deck.newToday ? (
        <p class="muted" data-note="shared-new">
          {`The ${deck.newToday} new cards left today are shared by all topics: each row says how many its topic can give if you review it alone.`}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col" class="num">
              Due
            </th>
            <th scope="col" class="num">
              New today
            </th>
            <th scope="col" class="num">
              Unseen
            </th>
            <th scope="col">
              <span class="visually-hidden">Review</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deck.topics.map((topic) => (
            <tr data-topic={topic.slug}>
              <th scope="row">
                <a href={`/decks/${deck.slug}?topic=${topic.slug}`}>{topic.title}</a>
              </th>
              <td class="num">{topic.due}</td>
              <td class="num">{topic.newToday}</td>
              <td class="num">
                {topic.unseen}
                <span class="wide-only">{` / ${topic.cardCount}`}</span>
              </td>
              <td class="action">
                <StartReview
                  href={reviewHref(deck.slug, topic.slug)}
                  label={topic.title}
                  busy={topic.due + topic.newToday > 0}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export function HomePage(props: HomeProps) {
  if (!props.signedIn) return <Welcome />
  return (
    <>
      <h1>Your decks</h1>
      {props.welcome ?? null}
      <p class="muted">
        {`Reviewed today: ${props.doneToday}. `}
        <a href="/progress">See your progress</a> · <a href="/exams">Practise for the exam</a> ·{' '}
        <a href="/decks">Your own decks: create, upload, export</a>
      </p>
      {props.decks.length === 0 ? (
        <p class="card">
          No decks yet. <a href="/decks">Create one</a> from your notes, or import an Anki or Quizlet export.
        </p>
      ) : null}
      {props.decks.map((deck) => (
        <DeckSection deck={deck} />
      ))}
    </>
  )
}
