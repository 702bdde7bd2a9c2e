import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { type AppError, problemResponse } from '../errors'
import { renderPage } from './layout'
import { ErrorPage } from './pages/error-page'

function wantsJson(c: Context): boolean {
  return (
    new URL(c.req.url).pathname.startsWith('/api/') || (c.req.header('accept')?.includes('application/json') ?? false)
  )
}

/** The one error shape: problem+json for the API and JSON clients, an HTML page for browsers. */
export function renderError(c: Context<AppEnv>, error: AppError): Response | Promise<Response> {
  if (wantsJson(c)) return problemResponse(c, error)
  for (const [name, value] of Object.entries(error.options.headers ?? {})) c.header(name, value)
  return renderPage(c, <ErrorPage status={error.status} message={error.message} />, { title: 'Error' }, error.status)
}
