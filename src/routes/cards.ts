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

/** `/api/v1/cards/:id/{suspend,unsuspend,bury}`. */
export const cardRoutes = new Hono<AppEnv>()
for (const action of Object.keys(actions) as CardAction[]) {
  cardRoutes.post(
    `/:id/${action}`,
    describeRoute({ tags: ['Review'], summary: actions[action] }),
    auth('review'),
    validate('param', cardParamSchema),
    async (c) => {
      const ctx = c.var.user
      return c.json(await changeCard(ctx, c.req.valid('param').id, action))
    },
  )
}
