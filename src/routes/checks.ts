import { Hono } from 'hono/tiny'
import { describeRoute } from 'hono-openapi'
import type { AppEnv } from '../env'
import { auth } from '../middleware/caller'
import { checkParamSchema, resultsQuerySchema, submissionSchema } from '../schemas/teams'
import { checkResults } from '../services/check-results'
import { checkView, submitCheck } from '../services/checks'
import { validate } from '../validation'
import { resultsCsv } from '../views/pages/check-csv'
import { created, errors, notMember, ok } from './openapi-responses'

/** `/api/v1/checks`: taking a knowledge check and reading its results (issue 7). */
export const checkRoutes = new Hono<AppEnv>()
  .get(
    '/:id',
    describeRoute({
      tags: ['Checks'],
      summary: 'A check of your team: its questions without answers, and your score once submitted',
      responses: ok('The check; `questions` is empty for members until it opens', notMember),
    }),
    auth('checks:read'),
    validate('param', checkParamSchema),
    async (c) => c.json(await checkView(c.var.user, c.req.valid('param').id)),
  )
  .post(
    '/:id/submissions',
    describeRoute({
      tags: ['Checks'],
      summary: 'Submit your answers once; returns your score by topic',
      description:
        '`choice` is the option id of a multiple-choice question, or the typed answer of a type-in question. ' +
        'Unanswered questions count as wrong. 409 `check_closed` before `opensAt` or after `closesAt`.',
      responses: created('Your score, overall and by topic', notMember, {
        409: '`check_closed` outside the window, or `conflict` when you have already submitted',
      }),
    }),
    auth('checks:write'),
    validate('param', checkParamSchema),
    validate('json', submissionSchema),
    async (c) => c.json(await submitCheck(c.var.user, c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .get(
    '/:id/results',
    describeRoute({
      tags: ['Checks'],
      summary: 'Results (owners): per member, per topic, the five most missed questions, who is missing',
      description: '`?format=csv` answers `text/csv`: a row per member, a column per topic.',
      responses: {
        200: {
          description: 'The results as JSON, or as CSV with `?format=csv`',
          content: { 'application/json': {}, 'text/csv': { schema: { type: 'string' } } },
        },
        ...errors(notMember),
      },
    }),
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
