import { ok } from '../responses'
import type { Operations } from './types'

export const reviewsOperations: Operations = {
  'POST /reviews': {
    tags: ['Review'],
    summary: 'Answer a card (send an Idempotency-Key so retries are safe)',
    description:
      'Send back the `snapshot` that `GET /review/next` gave with the card, unchanged: the answer is then computed ' +
      'from it and written in one database round trip. A snapshot that no longer holds (the card answered elsewhere, ' +
      'settings changed) only costs the usual read: the outcome is the same with or without it. ' +
      'See docs/review.md, “The snapshot”.',
  },
  'POST /reviews/undo': {
    tags: ['Review'],
    summary: 'Undo your latest answer, suspend or bury (repeatable, one step at a time)',
    description:
      'As Anki’s undo: whichever came last of your latest review-page answer and your latest card action ' +
      '(a suspend, unsuspend or bury, or a card browser action) is reverted. The answer says what: `undone.kind` ' +
      '(`review`, `suspend`, `bury`, or the card action’s name) and `undone.cardId` (the first card of a bulk ' +
      'action; `actionId` and `changed` for an action), with `card`, that card’s schedule as restored. ' +
      'See docs/scheduling.md, “Undo”.',
    responses: ok('What was undone, and the card as restored', {
      409: 'Nothing to undo (`conflict`), or the card changed since that step (`stale_state`)',
    }),
  },
}
