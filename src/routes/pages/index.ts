import type { Hono } from 'hono'
import type { AppEnv, ResolvedDeps } from '../../env'
import { resolveSession } from '../../middleware/caller'
import { csrfProtection } from '../../middleware/csrf'
import { requireTools } from '../../services/require-tools'
import { layout } from '../../views/layout'
import { accountPages } from './account'
import { accountSettingsPages } from './account-settings'
import { cardPages } from './cards'
import { deckPages } from './decks'
import { examPages } from './exams'
import { helpPages } from './help'
import { homePages } from './home'
import { passwordResetPages } from './password-reset'
import { progressPages } from './progress'
import { quizPages } from './quiz'
import { reviewPages } from './review'
import { settingsPages } from './settings'
import { signedIn } from './signed-in'
import { teamPages } from './teams'

/** The pages `deps.deckPages` serves (src/routes/pages/own-decks.tsx); without it they answer 501. */
const ownDeckPaths = [
  '/decks',
  '/decks/:slug/notes',
  '/decks/:slug/note',
  '/decks/:slug/note/delete',
  '/decks/:slug/upload',
]

/** Every HTML page, behind the browser session, CSRF protection and the one layout. */
export function mountPages(app: Hono<AppEnv>, deps: ResolvedDeps) {
  app.use(resolveSession, csrfProtection, layout)
  app.route('/', accountPages)
  app.route('/', homePages)
  app.route('/', reviewPages)
  app.route('/', settingsPages)
  if (deps.deckPages) app.route('/', deps.deckPages)
  else app.on(['GET', 'POST'], ownDeckPaths, signedIn, () => requireTools(undefined) as never)
  app.route('/', deckPages)
  app.route('/', cardPages)
  app.route('/', progressPages)
  app.route('/', examPages)
  app.route('/', quizPages)
  app.route('/', teamPages)
  app.route('/', helpPages)
  app.route('/', accountSettingsPages)
  app.route('/', passwordResetPages)
}
