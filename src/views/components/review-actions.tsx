import { CsrfField } from './csrf-field'
import type { ReviewScope } from './review-links'
import { ScopeFields } from './scope-fields'

export interface ReviewActionsProps {
  /** Absent when no card is shown (the session is over): only undo is offered. */
  cardId?: string | undefined
  scope: ReviewScope
  csrfToken: string
}

/** Undo, suspend and bury: plain POST forms, each with its keyboard shortcut shown. */
export function ReviewActions(props: ReviewActionsProps) {
  const card = props.cardId === undefined ? undefined : encodeURIComponent(props.cardId)
  const action = (path: string, key: string, label: string) => (
    <form method="post" action={path}>
      <CsrfField token={props.csrfToken} />
      <ScopeFields scope={props.scope} />
      <button class="secondary" type="submit" data-key={key.toLowerCase()}>
        {label} <kbd class="hint">{key}</kbd>
      </button>
    </form>
  )
  return (
    <div class="review-actions row">
      {action('/review/undo', 'U', 'Undo last')}
      {card ? action(`/review/cards/${card}/suspend`, 'S', 'Suspend') : null}
      {card ? action(`/review/cards/${card}/bury`, 'B', 'Bury') : null}
    </div>
  )
}
