import type { Operations } from './types'

export const reviewExportOperations: Operations = {
  'GET /reviews/export': {
    tags: ['Progress'],
    summary: "Download the caller's whole review history as CSV or JSON",
    description:
      'Oldest first, undone answers left out: card, deck, topic, rating, time, duration, and the state ' +
      'and due time before and after each answer. Streamed page by page.',
  },
}
