import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** `/api/v1/quizzes`: quick quizzes (issue 6). */
export const quizRoutes = new Hono<AppEnv>()
