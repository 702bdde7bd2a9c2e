import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
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
  describeRoute({
    tags: ['Progress'],
    summary: "The caller's study statistics, in their time zone and day boundary",
    description:
      'today, streaks, card counts, true retention, a 30-day forecast, per-topic recall and a 365-day ' +
      'calendar, for one deck (`?deck=`) or every deck. Activity (today, streaks, calendar) counts every ' +
      'answer not undone, quizzes and exams included; true retention counts only the first answer of the ' +
      'day to a card in review state in the review flow (again = fail).',
  }),
  auth('progress:read'),
  validate('query', progressQuerySchema),
  async (c) => {
    // loadProgress checks the deck in its first batch (404 if the user may not see it).
    return c.json(await loadProgress(c.var.user, c.req.valid('query').deck || undefined))
  },
)
