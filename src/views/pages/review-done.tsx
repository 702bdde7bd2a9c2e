import { ReviewActions } from '../components/review-actions'
import { type ReviewFrame, ReviewHeader } from './review'

export interface ReviewDoneProps extends ReviewFrame {
  again: number
  nextDue: string
  /** Set when a learning card comes back later today: the page reloads itself then. */
  refreshInSeconds?: number | undefined
}

/** Nothing left to study: a short summary of today and when to come back. */
export function ReviewDone(props: ReviewDoneProps) {
  const topic = props.scope.topic ? `&topic=${encodeURIComponent(props.scope.topic)}` : ''
  return (
    <div class="review" data-side="done">
      <ReviewHeader {...props} />
      <section class="card" aria-labelledby="done-heading">
        <h2 id="done-heading">All done for now</h2>
        <dl class="summary">
          <div>
            <dt>Reviewed today</dt>
            <dd id="done-count">{props.done}</dd>
          </div>
          <div>
            <dt>Answered “Again”</dt>
            <dd>{props.again}</dd>
          </div>
        </dl>
        <p id="next-due" data-refresh-in={props.refreshInSeconds}>
          {props.nextDue}
          {props.refreshInSeconds === undefined ? null : ' This page shows it by itself when it is due.'}
        </p>
        <p class="row">
          <a class="button" href="/" autofocus>
            Back to your decks
          </a>
          <a class="button secondary" href={`/review?deck=${encodeURIComponent(props.scope.deck)}${topic}`}>
            Check again
          </a>
        </p>
      </section>
      <ReviewActions scope={props.scope} csrfToken={props.csrfToken} />
    </div>
  )
}
