import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'

/**
 * Responses with personal data (the API, tokens, emails, answers, exam time left) must not be
 * kept by a shared cache or the back button. The one cache rule: API and pages use it alike.
 */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  c.header('cache-control', 'private, no-store')
})
