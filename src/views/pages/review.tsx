import type { QueueCounts } from '../../domain/scheduling'
import type { presentCard } from '../../services/review'
import { CardHtml } from '../components/card-html'
import { ReviewActions } from '../components/review-actions'
import type { ReviewScope } from '../components/review-links'
import { type ReviewNotice, ReviewNoticeBox } from '../components/review-notice'
import { ReviewProgress } from '../components/review-progress'
import { ScopeFields } from '../components/scope-fields'

export type ReviewCard = ReturnType<typeof presentCard>

/** What every side of the review page shows above the card. */
export interface ReviewFrame {
  scope: ReviewScope
  title: string
  done: number
  remaining: QueueCounts
  csrfToken: string
  notice?: { notice: ReviewNotice; cardId?: string | undefined } | undefined
}

export interface ReviewQuestionProps extends ReviewFrame {
  card: ReviewCard
  shownAt: string
}

export function ReviewHeader(props: ReviewFrame) {
  return (
    <>
      <ReviewProgress title={props.title} done={props.done} remaining={props.remaining} />
      {props.notice ? (
        <ReviewNoticeBox
          notice={props.notice.notice}
          cardId={props.notice.cardId}
          scope={props.scope}
          csrfToken={props.csrfToken}
        />
      ) : null}
    </>
  )
}

/**
 * The question side. Revealing is a GET form to `/review/answer`, so it works without
 * JavaScript: the focused button answers Space and Enter natively, and on type-in cards Enter
 * in the text field submits what was typed.
 */
export function ReviewQuestion(props: ReviewQuestionProps) {
  const typein = props.card.kind === 'typein'
  return (
    <div class="review" data-side="question" data-card={props.card.id}>
      <ReviewHeader {...props} />
      <section class="card review-card" aria-labelledby="prompt-label">
        <h2 id="prompt-label" class="visually-hidden">
          Question
        </h2>
        <CardHtml html={props.card.promptHtml} class="card-html prompt" />
      </section>
      <form method="get" action="/review/answer" class="reveal">
        <ScopeFields scope={props.scope} />
        <input type="hidden" name="card" value={props.card.id} />
        <input type="hidden" name="shownAt" value={props.shownAt} />
        {typein ? (
          <>
            <label for="typed">Type the command</label>
            <input
              id="typed"
              name="typed"
              class="typed-input"
              autocomplete="off"
              autocapitalize="none"
              spellcheck={false}
              maxlength={500}
              autofocus
            />
          </>
        ) : null}
        <p>
          <button type="submit" data-key="reveal" autofocus={!typein}>
            {typein ? 'Check answer' : 'Show answer'} <kbd class="hint">{typein ? 'Enter' : 'Space'}</kbd>
          </button>
        </p>
      </form>
      <ReviewActions cardId={props.card.id} scope={props.scope} csrfToken={props.csrfToken} />
    </div>
  )
}
