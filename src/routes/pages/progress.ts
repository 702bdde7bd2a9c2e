import { Hono } from 'hono'
import type { AppEnv } from '../../env'

/** The progress dashboard (issue 5). */
export const progressPages = new Hono<AppEnv>()
