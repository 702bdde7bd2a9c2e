import { setCookie } from 'hono/cookie'
import { Hono } from 'hono/tiny'
import type { AppEnv } from '../../env'
import { HelpPage } from '../../views/pages/help'
import { WelcomePage } from '../../views/pages/welcome'
import { signedIn } from './signed-in'

/** Set when a person skips the first-run introduction on the home page (a year, this browser). */
export const welcomedCookie = 'dockdeck_welcomed'

/** `/welcome` (the first-run introduction, shown on home until the first review) and `/help`. */
export const helpPages = new Hono<AppEnv>()
  .get('/help', (c) => c.render(<HelpPage />, { title: 'Help' }))
  .get('/welcome', signedIn, (c) => {
    const { settings } = c.var.user
    return c.render(
      <WelcomePage
        newCardsPerDay={settings.newCardsPerDay}
        maxReviewsPerDay={settings.maxReviewsPerDay}
        examDate={settings.examDate ?? null}
      />,
      { title: 'Welcome' },
    )
  })
  .post('/welcome/skip', signedIn, (c) => {
    setCookie(c, welcomedCookie, '1', { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600, httpOnly: true })
    return c.redirect('/', 303)
  })
