import { Hono } from 'hono/tiny'
import type { AppEnv } from '../env'
import { resolveCaller } from '../middleware/caller'
import { apiRequestGuard } from '../middleware/csrf'
import { authRoutes } from './auth'
import { cardRoutes } from './cards'
import { checkRoutes } from './checks'
import { deckRoutes } from './decks'
import { examRoutes } from './exams'
import { inviteRoutes } from './invites'
import { progressRoutes } from './progress'
import { quizRoutes } from './quizzes'
import { readinessRoutes } from './readiness'
import { reviewRoutes } from './review'
import { reviewExportRoutes } from './review-export'
import { reviewsRoutes } from './reviews'
import { settingsRoutes } from './settings'
import { teamRoutes } from './teams'
import { tokenRoutes } from './tokens'

/** Every `/api/v1` resource, one sub-app each. Its type is what the typed `hc` client reads. */
export const apiRoutes = new Hono<AppEnv>()
  .route('/auth', authRoutes)
  .route('/tokens', tokenRoutes)
  .route('/decks', deckRoutes)
  .route('/review', reviewRoutes)
  .route('/reviews', reviewsRoutes)
  .route('/cards', cardRoutes)
  .route('/settings', settingsRoutes)
  .route('/progress', progressRoutes)
  .route('/reviews/export', reviewExportRoutes)
  .route('/quizzes', quizRoutes)
  .route('/exams', examRoutes)
  .route('/readiness', readinessRoutes)
  .route('/teams', teamRoutes)
  .route('/invites', inviteRoutes)
  .route('/checks', checkRoutes)

/** For `hc<AppType>('https://host/api/v1')`. */
export type AppType = typeof apiRoutes

/** The API as an app part (`buildApp`): its routes, the caller middleware and the request guard. */
export const apiPart = { routes: apiRoutes, caller: resolveCaller, guard: apiRequestGuard }
