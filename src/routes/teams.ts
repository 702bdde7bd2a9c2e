import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** `/api/v1/teams`: teams, members, invites and checks of a team (issue 7). */
export const teamRoutes = new Hono<AppEnv>()
