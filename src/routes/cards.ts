import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { bulkActionSchema, cardActionParamSchema, cardSearchQuerySchema } from '../schemas/cards'
import { cardParamSchema } from '../schemas/review'
import { applyCardAction, undoCardAction } from '../services/card-actions'
import { browseCards, cardInfo } from '../services/card-browser'
import { type CardAction, changeCard } from '../services/review'
import { validate } from '../validation'
import { created, ok } from './openapi-responses'

const tags = ['Cards']
const bad = { 400: 'A query or body field is invalid: the problem names it' }

const actions: Record<CardAction, string> = {
  suspend: 'Suspend a card: it leaves the queue until unsuspended',
  unsuspend: 'Unsuspend a card (clears the leech flag)',
  bury: 'Bury a card until the next study day',
}

const change = (action: CardAction) =>
  [
    describeRoute({ tags: ['Review'], summary: actions[action] }),
    auth('review'),
    validate('param', cardParamSchema),
  ] as const

/**
 * `/api/v1/cards`: the card browser (search, card info, bulk actions and their undo) and the
 * one-card `{suspend,unsuspend,bury}` of the review flow. Chained one by one, not registered in
 * a loop, so the typed client (`AppType`) sees each route.
 */
export const cardRoutes = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
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
    }),
    auth('review'),
    validate('query', cardSearchQuerySchema),
    async (c) => c.json(await browseCards(c.var.user, c.req.valid('query'))),
  )
  .post(
    '/actions',
    describeRoute({
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
    }),
    auth('review'),
    validate('json', bulkActionSchema),
    async (c) => c.json(await applyCardAction(c.var.user, c.req.valid('json')), 201),
  )
  .post(
    '/actions/undo',
    describeRoute({
      tags,
      summary: 'Undo your latest card action not yet undone',
      responses: ok('The undone action', { 409: 'Nothing to undo, or a card changed since the action' }),
    }),
    auth('review'),
    async (c) => c.json(await undoCardAction(c.var.user)),
  )
  .post(
    '/actions/:id/undo',
    describeRoute({
      tags,
      summary: 'Undo a card action: every card back as it was',
      responses: ok('The undone action', bad, {
        404: 'No such action of yours',
        409: 'Already undone, or a card changed since the action (reviewed, or changed again)',
      }),
    }),
    auth('review'),
    validate('param', cardActionParamSchema),
    async (c) => c.json(await undoCardAction(c.var.user, c.req.valid('param').id)),
  )
  .get(
    '/:id',
    describeRoute({
      tags,
      summary: 'A card’s info: its schedule, predicted recall now and review history',
      responses: ok('The card, your state for it, its retrievability now and its answers', bad, {
        404: 'No such card, or not one you may see',
      }),
    }),
    auth('review'),
    validate('param', cardParamSchema),
    async (c) => c.json(await cardInfo(c.var.user, c.req.valid('param').id)),
  )
  .post('/:id/suspend', ...change('suspend'), async (c) =>
    c.json(await changeCard(c.var.user, c.req.valid('param').id, 'suspend')),
  )
  .post('/:id/unsuspend', ...change('unsuspend'), async (c) =>
    c.json(await changeCard(c.var.user, c.req.valid('param').id, 'unsuspend')),
  )
  .post('/:id/bury', ...change('bury'), async (c) =>
    c.json(await changeCard(c.var.user, c.req.valid('param').id, 'bury')),
  )
