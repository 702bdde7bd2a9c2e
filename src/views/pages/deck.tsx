import type { DeckSummary } from '../../db/queries/decks'
import type { presentCard } from '../../services/review'
import { DeckCard } from './deck-card'

export interface DeckPageProps {
  deck: DeckSummary
  /** The topic being browsed, with its cards; none lists the topics only. */
  topic?: { slug: string; title: string; cards: ReturnType<typeof presentCard>[] } | undefined
  /** The caller may change the deck's notes (their own deck, or their team's as its owner). */
  canEdit?: boolean
}

/** A deck's topics, and the cards of one topic when `?topic=` names it. */
export function DeckPage(props: DeckPageProps) {
  const { deck, topic } = props
  return (
    <>
      <h1>{deck.title}</h1>
      {deck.description ? <p>{deck.description}</p> : null}
      {props.canEdit ? (
        <p>
          <a class="button secondary" href={`/decks/${deck.slug}/notes`}>
            Edit notes, upload, export
          </a>
        </p>
      ) : null}
      <nav class="card" aria-labelledby="topics-heading">
        <h2 id="topics-heading">{`Topics · ${deck.cardCount} cards`}</h2>
        <ul class="topic-list">
          {deck.topics.map((t) => (
            <li>
              <a
                href={`/decks/${deck.slug}?topic=${t.slug}`}
                aria-current={t.slug === topic?.slug ? 'page' : undefined}
              >
                {t.title}
              </a>{' '}
              <span class="muted">{`${t.cardCount} cards`}</span> ·{' '}
              <a href={`/decks/${deck.slug}/notes/${t.slug}`}>
                notes<span class="visually-hidden">{` of ${t.title}`}</span>
              </a>{' '}
              ·{' '}
              <a href={`/review?deck=${deck.slug}&topic=${t.slug}`}>
                review<span class="visually-hidden">{` ${t.title}`}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {topic ? (
        <section aria-labelledby="cards-heading">
          <div class="row">
            <h2 id="cards-heading" class="grow">
              {`${topic.title} · ${topic.cards.length} cards`}
            </h2>
            <a class="button secondary" href={`/decks/${deck.slug}/notes/${topic.slug}`}>
              Read the notes
            </a>
          </div>
          <ol class="deck-cards">
            {topic.cards.map((card) => (
              <DeckCard card={card} />
            ))}
          </ol>
        </section>
      ) : (
        <p class="muted">Pick a topic to browse its cards.</p>
      )}
    </>
  )
}
