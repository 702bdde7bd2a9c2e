import type { Operations } from './types'

export const reviewsOperations: Operations = {
  'POST /reviews': {
    tags: ['Review'],
    summary: 'Answer a card (send an Idempotency-Key so retries are safe)',
  },
  'POST /reviews/undo': { tags: ['Review'], summary: 'Undo the latest answer (repeatable, one step at a time)' },
}
