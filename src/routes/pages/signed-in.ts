import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../../env'

/** Pages need a signed-in person: everyone else is sent to sign in, then back to the page. */
export const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.caller) return next()
  const url = new URL(c.req.url)
  const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/'
  return c.redirect(`/signin?next=${encodeURIComponent(back)}`, 303)
})

/** The review service's context for the signed-in caller (use after `signedIn`). */
export { callerContext as reviewContext } from '../context'
