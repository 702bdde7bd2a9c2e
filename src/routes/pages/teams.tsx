import { Hono } from 'hono'
import type { AppEnv } from '../../env'

/** Team, check and results pages (issue 7). */
export const teamPages = new Hono<AppEnv>()
