import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** `/api/v1/progress`: study statistics (issue 5). */
export const progressRoutes = new Hono<AppEnv>()
