import type { Child } from 'hono/jsx'
import type { Progress } from '../../domain/progress'
import { CalendarChart, ForecastChart, RetentionChart, TopicChart } from './progress-charts'
import { ProgressTiles } from './progress-tiles'

export interface ProgressPageProps {
  progress: Progress
  decks: { slug: string; title: string }[]
  /** The deck shown, or undefined for every deck. */
  deck: string | undefined
  /** The exam readiness panel (issue 6), when the route provides one. */
  readiness?: Child
}

function DeckFilter(props: Pick<ProgressPageProps, 'decks' | 'deck'>) {
  if (props.decks.length < 2) return null
  return (
    <form method="get" action="/progress">
      <div>
        <label for="progress-deck">Deck</label>
        <select id="progress-deck" name="deck">
          <option value="">All decks</option>
          {props.decks.map((d) => (
            <option value={d.slug} selected={d.slug === props.deck}>
              {d.title}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="secondary">
        Show
      </button>
    </form>
  )
}

/** What a learner with no reviews yet sees: what the page will show, and where to start. */
function EmptyState(props: { deck: string | undefined; cards: number }) {
  const review = props.deck ? `/review?deck=${props.deck}` : '/review'
  return (
    <section class="card progress-empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No reviews yet</h2>
      <p>
        Your streak, retention, forecast and recall by topic appear here once you have reviewed some cards.{' '}
        {`${props.cards} cards are waiting.`}
      </p>
      <p>
        <a class="button" href={review}>
          Start your first review
        </a>
      </p>
    </section>
  )
}

/** The progress dashboard: tiles, then the charts, each with a table behind it (issue 5). */
export function ProgressPage(props: ProgressPageProps) {
  const { progress } = props
  const studied = progress.streak.reviewed.longest > 0
  return (
    <>
      <div class="progress-head">
        <h1>Your progress</h1>
        <DeckFilter decks={props.decks} deck={props.deck} />
      </div>
      {studied ? <ProgressTiles progress={progress} /> : <EmptyState deck={props.deck} cards={progress.cards.total} />}
      {/* Exam readiness (issue 6): the route passes <ReadinessPanel> (views/components/readiness-panel.tsx)
          as `readiness`; it renders here, between the tiles and the charts. */}
      {props.readiness ?? null}
      {studied ? (
        <>
          <CalendarChart calendar={progress.calendar} />
          <ForecastChart forecast={progress.forecast} />
          <RetentionChart retention={progress.retention} target={progress.desiredRetention} />
          <TopicChart topics={progress.topics} target={progress.desiredRetention} />
          <p class="progress-export">
            Download your whole review history: <a href="/api/v1/reviews/export?format=csv">CSV</a> or{' '}
            <a href="/api/v1/reviews/export?format=json">JSON</a>.
          </p>
        </>
      ) : null}
    </>
  )
}
