import { Hono } from 'hono'
import type { AppEnv } from '../../env'

/** Quiz, mock exam and result pages (issue 6). */
export const examPages = new Hono<AppEnv>()
