import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env'

/** Pages with personal data (tokens, emails, answers) must not be kept by a shared cache or the back button. */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  c.header('cache-control', 'private, no-store')
})
