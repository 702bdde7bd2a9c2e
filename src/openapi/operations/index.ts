import { authOperations } from './auth'
import { cardsOperations } from './cards'
import { checksOperations } from './checks'
import { decksOperations } from './decks'
import { examsOperations } from './exams'
import { invitesOperations } from './invites'
import { progressOperations } from './progress'
import { quizzesOperations } from './quizzes'
import { readinessOperations } from './readiness'
import { reviewOperations } from './review'
import { reviewExportOperations } from './review-export'
import { reviewsOperations } from './reviews'
import { settingsOperations } from './settings'
import { teamsOperations } from './teams'
import { tokensOperations } from './tokens'
import type { Operations } from './types'

/**
 * The description of every `/api/v1` operation (tags, summary, description, responses), keyed by
 * method and path. They live here, not in `describeRoute(…)` calls on the routes, so that only the
 * OpenAPI generator imports them: the Worker bundle, which serves the prebuilt document, carries
 * none of this text (4 KB gzip). Auth and request schemas still come from the routes' own `auth`
 * and `validate` middleware. `buildApiDocument` fails on a key that names no route.
 */
export const operations: Operations = {
  ...authOperations,
  ...tokensOperations,
  ...decksOperations,
  ...reviewOperations,
  ...reviewsOperations,
  ...cardsOperations,
  ...settingsOperations,
  ...progressOperations,
  ...reviewExportOperations,
  ...quizzesOperations,
  ...examsOperations,
  ...readinessOperations,
  ...teamsOperations,
  ...invitesOperations,
  ...checksOperations,
}
