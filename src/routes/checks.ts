import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** `/api/v1/checks`: taking a knowledge check and reading its results (issue 7). */
export const checkRoutes = new Hono<AppEnv>()
