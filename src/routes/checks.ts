import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { checkParamSchema, resultsQuerySchema, submissionSchema } from '../schemas/teams'
import { checkResults } from '../services/check-results'
import { checkView, submitCheck } from '../services/checks'
import { validate } from '../validation'
import { resultsCsv } from '../views/pages/check-csv'

/** `/api/v1/checks`: taking a knowledge check and reading its results (issue 7). */
export const checkRoutes = new Hono<AppEnv>()
  .get('/:id', auth('checks:read'), validate('param', checkParamSchema), async (c) =>
    c.json(await checkView(c.var.user, c.req.valid('param').id)),
  )
  .post(
    '/:id/submissions',
    auth('checks:write'),
    validate('param', checkParamSchema),
    validate('json', submissionSchema),
    async (c) => c.json(await submitCheck(c.var.user, c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .get(
    '/:id/results',
    auth('checks:read'),
    validate('param', checkParamSchema),
    validate('query', resultsQuerySchema),
    async (c) => {
      const results = await checkResults(c.var.user, c.req.valid('param').id)
      if (c.req.valid('query').format !== 'csv') return c.json(results)
      const filename = `check-${results.check.id}.csv`
      c.header('content-disposition', `attachment; filename="${filename}"`)
      return c.body(resultsCsv(results), 200, { 'content-type': 'text/csv; charset=utf-8' })
    },
  )
