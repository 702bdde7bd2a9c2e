import type { QueueCounts } from '../../domain/scheduling'

export interface ReviewProgressProps {
  title: string
  /** Answers given today. */
  done: number
  remaining: QueueCounts
}

/** Done today against done plus what is left, with the queue split by kind. */
export function ReviewProgress(props: ReviewProgressProps) {
  const { learning, review } = props.remaining
  const left = learning + review + props.remaining.new
  const total = props.done + left
  return (
    <div class="review-progress">
      <div class="row">
        <h1 class="grow">{props.title}</h1>
        <p class="muted review-counts">
          <span id="left-count">{`${left} left`}</span>
          {` · ${learning} learning · ${review} review · ${props.remaining.new} new`}
        </p>
      </div>
      <progress max={Math.max(total, 1)} value={props.done} aria-label={`${props.done} of ${total} done today`} />
    </div>
  )
}
