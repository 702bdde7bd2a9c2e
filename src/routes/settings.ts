import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import { saveSettingsJson } from '../db/queries/review'
import { applySettingsUpdate, studySettingsUpdateSchema } from '../domain/scheduling'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { callerSettings } from '../services/review'
import { validate } from '../validation'
import { callerContext } from './context'

/** `/api/v1/settings`: the user's study settings (retention, limits, steps, day boundary). */
export const settingsRoutes = new Hono<AppEnv>()
  .get('/', describeRoute({ tags: ['Settings'], summary: 'Your study settings' }), auth('review'), async (c) =>
    c.json(await callerSettings(callerContext(c))),
  )
  .put(
    '/',
    describeRoute({ tags: ['Settings'], summary: 'Change some study settings' }),
    auth('review'),
    validate('json', studySettingsUpdateSchema),
    async (c) => {
      const userId = c.var.caller!.userId
      const next = applySettingsUpdate(await callerSettings(callerContext(c)), c.req.valid('json'))
      await saveSettingsJson(c.var.db, userId, JSON.stringify(next))
      return c.json(next)
    },
  )
