import { createMiddleware } from 'hono/factory'
import type { SignedInEnv } from '../../middleware/caller'

/** Pages need a signed-in person: everyone else is sent to sign in, then back to the page. */
export const signedIn = createMiddleware<SignedInEnv>(async (c, next) => {
  if (c.var.user) return next()
  const url = new URL(c.req.url)
  const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/'
  return c.redirect(`/signin?next=${encodeURIComponent(back)}`, 303)
})
