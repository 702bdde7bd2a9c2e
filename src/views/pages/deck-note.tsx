import { raw } from 'hono/html'
import type { presentCard } from '../../services/review'
import { CardHtml } from '../components/card-html'

type Card = ReturnType<typeof presentCard>

export interface DeckNotePageProps {
  deck: { slug: string; title: string }
  topic: { slug: string; title: string; file: string; html: string; sources: string[] }
  /** Used when the note has no compiled HTML yet. */
  cards: Card[]
}

/** Cards grouped by the section they came from, in note order, keyed by the section's anchor. */
function sections(cards: Card[]) {
  const groups = new Map<string, { anchor: string; headings: string[]; cards: Card[] }>()
  for (const card of cards) {
    const anchor = card.source.anchor || 'top'
    const group = groups.get(anchor) ?? { anchor, headings: card.source.headings, cards: [] }
    group.cards.push(card)
    groups.set(anchor, group)
  }
  return [...groups.values()]
}

/** The source note of a topic, so "from your notes, line 42" links land on the right section. */
export function DeckNotePage(props: DeckNotePageProps) {
  const { deck, topic } = props
  return (
    <>
      <p class="muted">
        <a href={`/decks/${deck.slug}`}>{deck.title}</a> ›{' '}
        <a href={`/decks/${deck.slug}?topic=${topic.slug}`}>{topic.title}</a>
      </p>
      <h1>{`${topic.title} notes`}</h1>
      <p class="muted">{`From ${topic.file}`}</p>
      {topic.html ? (
        // topics.html is rendered and sanitised by the notes compiler at compile time (src/content),
        // never from request input: that is the only reason raw() is acceptable here.
        <article class="card note">{raw(topic.html)}</article>
      ) : (
        <article class="card note">
          {sections(props.cards).map((section) => (
            <section class="note-section">
              <h2 id={section.anchor}>{section.headings.join(' › ') || topic.title}</h2>
              <dl>
                {section.cards.map((card) => (
                  <div class="note-card" id={`card-${card.id}`}>
                    <dt>
                      <CardHtml html={card.promptHtml} class="card-html prompt" />
                    </dt>
                    <dd>
                      <CardHtml html={card.answerHtml} class="card-html answer" />
                      <p class="muted card-meta">{`${card.kind} · line ${card.source.line}`}</p>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </article>
      )}
      {topic.sources.length > 0 ? (
        <section class="card">
          <h2>Checked against</h2>
          <ul>
            {topic.sources.map((url) => (
              <li>
                <a href={url} rel="noreferrer">
                  {url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  )
}
