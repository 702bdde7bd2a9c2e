import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { cardParamSchema } from '../schemas/review'
import { type CardAction, changeCard } from '../services/review'
import { validate } from '../validation'

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
 * `/api/v1/cards/:id/{suspend,unsuspend,bury}`. Chained one by one, not registered in a loop,
 * so the typed client (`AppType`) sees each route.
 */
export const cardRoutes = new Hono<AppEnv>()
  .post('/:id/suspend', ...change('suspend'), async (c) =>
    c.json(await changeCard(c.var.user, c.req.valid('param').id, 'suspend')),
  )
  .post('/:id/unsuspend', ...change('unsuspend'), async (c) =>
    c.json(await changeCard(c.var.user, c.req.valid('param').id, 'unsuspend')),
  )
  .post('/:id/bury', ...change('bury'), async (c) =>
    c.json(await changeCard(c.var.user, c.req.valid('param').id, 'bury')),
  )
