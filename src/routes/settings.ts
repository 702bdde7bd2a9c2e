import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import { studySettingsUpdateSchema } from '../domain/scheduling'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { updateSettings } from '../services/settings'
import { validate } from '../validation'

/** `/api/v1/settings`: the user's study settings (retention, limits, steps, day boundary). */
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
