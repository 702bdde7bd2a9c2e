import type { presentCard } from '../../services/review'
import { CardHtml } from '../components/card-html'
import { noteUrl } from '../components/review-links'

export interface DeckCardProps {
  card: ReturnType<typeof presentCard>
}

/** One card while browsing a deck: prompt, answer, kind and the note line it came from. */
export function DeckCard(props: DeckCardProps) {
  const { card } = props
  return (
    <li class="deck-card" id={`card-${card.id}`}>
      <CardHtml html={card.promptHtml} class="card-html prompt" />
      <CardHtml html={card.answerHtml} class="card-html answer" />
      <p class="muted card-meta">
        <span class="kind">{card.kind}</span> ·{' '}
        <a href={noteUrl(card)}>{`${card.source.file}, line ${card.source.line}`}</a>
      </p>
    </li>
  )
}
