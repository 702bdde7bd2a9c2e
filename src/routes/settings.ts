import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import { studySettingsUpdateSchema } from '../domain/scheduling'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { optimizeWeights } from '../services/fsrs-optimize'
import { updateSettings } from '../services/settings'
import { validate } from '../validation'
import { ok } from './openapi-responses'

/** `/api/v1/settings`: the user's study settings (retention, limits, steps, day boundary, FSRS parameters). */
export const settingsRoutes = new Hono<AppEnv>()
  .get('/', describeRoute({ tags: ['Settings'], summary: 'Your study settings' }), auth('review'), async (c) =>
    c.json(c.var.user.settings),
  )
  .put(
    '/',
    describeRoute({ tags: ['Settings'], summary: 'Change some study settings' }),
    auth('review'),
    validate('json', studySettingsUpdateSchema),
    async (c) => c.json(await updateSettings(c.var.user, c.req.valid('json'))),
  )
  .post(
    '/optimize',
    describeRoute({
      tags: ['Settings'],
      summary: 'Fit your FSRS parameters to your review history',
      description:
        'Fits the 21 FSRS-6 parameters to your review answers (quiz and exam answers left out) with the Rust ' +
        'optimizer, scores them and the parameters in force on one card in five held out of the fit, and saves ' +
        'them as `fsrsWeights` only when their held-out log loss is lower (`saved`).',
      responses: ok('The fitted parameters and both scores', {
        422: 'Not enough review history yet: the problem says how many reviews are needed',
        501: 'This runtime (the Worker) cannot run the optimizer: use `npm run fsrs:optimize`',
        503: 'The fit ran past its time limit, or another fit is running',
      }),
    }),
    auth('review'),
    async (c) => c.json(await optimizeWeights(c.var.user, c.var.deps.fsrsOptimizer)),
  )
