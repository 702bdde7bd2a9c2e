import type { Operations } from './types'

export const reviewOperations: Operations = {
  'GET /review/next': { tags: ['Review'], summary: 'The next card due, with the interval each answer would give' },
  'GET /review/today': {
    tags: ['Review'],
    summary: "Every card of today's queue, for reviewing offline (answer them later with answeredAt)",
  },
}
