import { CsrfField } from './csrf-field'
import type { ReviewScope } from './review-links'
import { ScopeFields } from './scope-fields'

export const reviewNotices = [
  'stale',
  'recorded',
  'undone',
  'undone-action',
  'nothing-to-undo',
  'suspended',
  'buried',
  'unsuspended',
] as const
export type ReviewNotice = (typeof reviewNotices)[number]

const messages: Record<ReviewNotice, string> = {
  stale: 'That card was already answered in another tab, so this answer was not recorded. Here is the next card.',
  recorded: 'That answer was already recorded once; it was not counted again.',
  undone: 'Your last answer was undone. Here is the card again.',
  'undone-action': 'Your last card action was undone.',
  'nothing-to-undo': 'There is nothing to undo.',
  suspended: 'The card is suspended: it will not be shown until you unsuspend it.',
  buried: 'The card is buried until tomorrow.',
  unsuspended: 'The card is back in your reviews.',
}

export interface ReviewNoticeProps {
  notice: ReviewNotice
  scope: ReviewScope
  csrfToken: string
  /** The card the notice is about, so a suspension can be taken back. */
  cardId?: string | undefined
}

/** A one-line, non-blocking message about what just happened in the review flow. */
export function ReviewNoticeBox(props: ReviewNoticeProps) {
  return (
    <div class="notice review-notice" role="status">
      <span>{messages[props.notice]}</span>
      {props.notice === 'suspended' && props.cardId ? (
        <form method="post" action={`/review/cards/${encodeURIComponent(props.cardId)}/unsuspend`}>
          <CsrfField token={props.csrfToken} />
          <ScopeFields scope={props.scope} />
          <button class="link" type="submit">
            Unsuspend
          </button>
        </form>
      ) : null}
    </div>
  )
}
