import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** `/api/v1/readiness`: predicted recall on the exam date (issue 6). */
export const readinessRoutes = new Hono<AppEnv>()
