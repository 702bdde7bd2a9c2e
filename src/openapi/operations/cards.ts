import { created, ok } from '../responses'
import type { Operations } from './types'

const tags = ['Cards']
const bad = { 400: 'A query or body field is invalid: the problem names it' }

export const cardsOperations: Operations = {
  'GET /cards': {
    tags,
    summary: 'Search and filter the cards you may see',
    description:
      'Full-text search over prompts and answers (`q`: every word must appear, the last one as a prefix), ' +
      'filtered by deck, topic, tag and state (new, learning, review, suspended, buried, leech), sorted by ' +
      '`position` (note order; the default without `q`), `relevance` (the default with `q`), `due`, `lapses`, ' +
      '`difficulty` or `retrievability` (predicted recall now; `asc` is lowest first). Cards never studied ' +
      'sort last. Pages of `limit` cards: pass `nextCursor` back as `cursor` for the next.',
    responses: ok('A page of cards, the total matching and the next cursor', bad, {
      404: 'No such deck, or not one you may see',
    }),
  },
  'POST /cards/actions': {
    tags,
    summary: 'Suspend, unsuspend, reset or reschedule selected cards, as one undoable step',
    description:
      'All or nothing, in one transaction. `reset` forgets a card’s memory (it is new again; its review ' +
      'history stays). `reschedule` sets studied cards due on `due`, or spread evenly from `due` to `dueTo` ' +
      '(study days in your time zone); new cards are left out and listed in `skipped`. The answer’s `id` ' +
      'undoes the whole step: `POST /api/v1/cards/actions/{id}/undo`.',
    responses: created('The action: its id, the cards changed and any skipped', bad, {
      404: 'A selected card does not exist or is not one you may see (the problem names it)',
      409: 'A selected card changed at the same instant: nothing was changed',
      422: 'A reschedule date before today or too far ahead',
    }),
  },
  'POST /cards/actions/undo': {
    tags,
    summary: 'Undo your latest card action not yet undone',
    responses: ok('The undone action', { 409: 'Nothing to undo, or a card changed since the action' }),
  },
  'POST /cards/actions/:id/undo': {
    tags,
    summary: 'Undo a card action: every card back as it was',
    responses: ok('The undone action', bad, {
      404: 'No such action of yours',
      409: 'Already undone, or a card changed since the action (reviewed, or changed again)',
    }),
  },
  'GET /cards/:id': {
    tags,
    summary: 'A card’s info: its schedule, predicted recall now and review history',
    responses: ok('The card, your state for it, its retrievability now and its answers', bad, {
      404: 'No such card, or not one you may see',
    }),
  },
  'POST /cards/:id/suspend': { tags: ['Review'], summary: 'Suspend a card: it leaves the queue until unsuspended' },
  'POST /cards/:id/unsuspend': { tags: ['Review'], summary: 'Unsuspend a card (clears the leech flag)' },
  'POST /cards/:id/bury': { tags: ['Review'], summary: 'Bury a card until the next study day' },
}
