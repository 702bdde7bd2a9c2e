import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** `/api/v1/exams`: timed mock exams (issue 6). */
export const examRoutes = new Hono<AppEnv>()
