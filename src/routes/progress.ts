import { Hono } from 'hono/tiny'
import * as v from 'valibot'
import { deckExists } from '../db/queries/progress'
import type { AppEnv } from '../env'
import { AppError } from '../errors'
import { auth } from '../middleware/caller'
import { loadProgress } from '../services/progress'
import { validate } from '../validation'

const deckMessage = 'deck must be a deck slug like "docker", or empty for every deck'

export const progressQuerySchema = v.object({
  deck: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/))], deckMessage)),
})

/** The deck to report on, or undefined for every deck; an unknown slug is a 404 naming `deck`. */
export async function resolveDeck(db: AppEnv['Variables']['db'], deck: string | undefined, userId: string) {
  if (!deck) return undefined
  if (!(await deckExists(db, deck, userId)))
    throw new AppError(404, 'not_found', `deck: no deck "${deck}"`, { field: 'deck' })
  return deck
}

/** `/api/v1/progress`: study statistics (issue 5). */
export const progressRoutes = new Hono<AppEnv>().get(
  '/',
  auth('progress:read'),
  validate('query', progressQuerySchema),
  async (c) => {
    // loadProgress checks the deck in its first batch (404 if the user may not see it).
    return c.json(await loadProgress(c.var.user, c.req.valid('query').deck || undefined))
  },
)
