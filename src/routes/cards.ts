import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { bulkActionSchema, cardActionParamSchema, cardSearchQuerySchema } from '../schemas/cards'
import { cardParamSchema } from '../schemas/review'
import { applyCardAction, changeCard, undoCardAction } from '../services/card-actions'
import { browseCards, cardInfo } from '../services/card-browser'
import { validate } from '../validation'

const change = [auth('review'), validate('param', cardParamSchema)] as const

/**
 * `/api/v1/cards`: the card browser (search, card info, bulk actions and their undo) and the
 * one-card `{suspend,unsuspend,bury}` of the review flow. Chained one by one, not registered in
 * a loop, so the typed client (`AppType`) sees each route.
 */
export const cardRoutes = new Hono<AppEnv>()
  .get('/', auth('review'), validate('query', cardSearchQuerySchema), async (c) =>
    c.json(await browseCards(c.var.user, c.req.valid('query'))),
  )
  .post('/actions', auth('review'), validate('json', bulkActionSchema), async (c) =>
    c.json(await applyCardAction(c.var.user, c.req.valid('json')), 201),
  )
  .post('/actions/undo', auth('review'), async (c) => c.json(await undoCardAction(c.var.user)))
  .post('/actions/:id/undo', auth('review'), validate('param', cardActionParamSchema), async (c) =>
    c.json(await undoCardAction(c.var.user, c.req.valid('param').id)),
  )
  .get('/:id', auth('review'), validate('param', cardParamSchema), async (c) =>
    c.json(await cardInfo(c.var.user, c.req.valid('param').id)),
  )
  .post('/:id/suspend', ...change, async (c) =>
    c.json(await changeCard(c.var.user, c.req.valid('param').id, 'suspend')),
  )
  .post('/:id/unsuspend', ...change, async (c) =>
    c.json(await changeCard(c.var.user, c.req.valid('param').id, 'unsuspend')),
  )
  .post('/:id/bury', ...change, async (c) => c.json(await changeCard(c.var.user, c.req.valid('param').id, 'bury')))
