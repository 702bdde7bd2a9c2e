import { created, errors, notMember, ok } from '../responses'
import type { Operations } from './types'

export const checksOperations: Operations = {
  'GET /checks/:id': {
    tags: ['Checks'],
    summary: 'A check of your team: its questions without answers, and your score once submitted',
    responses: ok('The check; `questions` is empty for members until it opens', notMember),
  },
  'POST /checks/:id/submissions': {
    tags: ['Checks'],
    summary: 'Submit your answers once; returns your score by topic',
    description:
      '`choice` is the option id of a multiple-choice question, or the typed answer of a type-in question. ' +
      'Unanswered questions count as wrong. 409 `check_closed` before `opensAt` or after `closesAt`.',
    responses: created('Your score, overall and by topic', notMember, {
      409: '`check_closed` outside the window, or `conflict` when you have already submitted',
    }),
  },
  'GET /checks/:id/results': {
    tags: ['Checks'],
    summary: 'Results (owners): per member, per topic, the five most missed questions, who is missing',
    description: '`?format=csv` answers `text/csv`: a row per member, a column per topic.',
    responses: {
      200: {
        description: 'The results as JSON, or as CSV with `?format=csv`',
        content: { 'application/json': {}, 'text/csv': { schema: { type: 'string' } } },
      },
      ...errors(notMember),
    },
  },
}
