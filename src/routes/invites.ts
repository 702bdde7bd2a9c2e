import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** `/api/v1/invites`: accepting an invitation (issue 7). */
export const inviteRoutes = new Hono<AppEnv>()
