import { sql } from 'drizzle-orm'
import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { AppError } from '../errors'

/** `/healthz`: 200 when the database answers, 503 with the reason when it does not. */
export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  let db: AppEnv['Variables']['db']
  try {
    db = c.var.deps.database(c.env, c.var.deps)
  } catch (error) {
    const reason = error instanceof AppError ? error.message : 'the database is not configured'
    return c.json({ status: 'unavailable', db: 'unconfigured', reason }, 503)
  }
  try {
    await db.run(sql`select 1`)
    return c.json({ status: 'ok', db: 'ok' })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return c.json({ status: 'unavailable', db: 'error', reason: `the database did not answer: ${reason}` }, 503)
  }
})
