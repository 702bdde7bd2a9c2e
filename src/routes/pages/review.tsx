import { Hono } from 'hono'
import type { AppEnv } from '../../env'

/** The review page and the settings page (issue 4). */
export const reviewPages = new Hono<AppEnv>()
