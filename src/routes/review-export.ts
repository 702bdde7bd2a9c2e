import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** `/api/v1/reviews/export`: the whole review history as CSV or JSON, streamed (issue 5). */
export const reviewExportRoutes = new Hono<AppEnv>()
