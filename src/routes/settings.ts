import { Hono } from 'hono/tiny'
import { studySettingsUpdateSchema } from '../domain/scheduling'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { optimizeWeights } from '../services/fsrs-optimize'
import { updateSettings } from '../services/settings'
import { validate } from '../validation'

/** `/api/v1/settings`: the user's study settings (retention, limits, steps, day boundary, FSRS parameters). */
export const settingsRoutes = new Hono<AppEnv>()
  .get('/', auth('review'), async (c) => c.json(c.var.user.settings))
  .put('/', auth('review'), validate('json', studySettingsUpdateSchema), async (c) =>
    c.json(await updateSettings(c.var.user, c.req.valid('json'))),
  )
  .post('/optimize', auth('review'), async (c) => c.json(await optimizeWeights(c.var.user, c.var.deps.fsrsOptimizer)))
