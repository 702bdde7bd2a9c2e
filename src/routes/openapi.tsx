import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** `/api/openapi.json` and `/api/docs`: the API described (issue 7). */
export const openapiRoutes = new Hono<AppEnv>()
