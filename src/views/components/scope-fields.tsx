import type { ReviewScope } from './review-links'

export interface ScopeFieldsProps {
  scope: ReviewScope
}

/** Hidden fields that carry the deck, topic and mode through a review form. */
export function ScopeFields(props: ScopeFieldsProps) {
  return (
    <>
      <input type="hidden" name="deck" value={props.scope.deck} />
      {props.scope.topic ? <input type="hidden" name="topic" value={props.scope.topic} /> : null}
      {props.scope.mode ? <input type="hidden" name="mode" value={props.scope.mode} /> : null}
    </>
  )
}
