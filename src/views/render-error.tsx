import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { type AppError, problemResponse } from '../errors'
import { Layout } from './layout'
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
  return c.html(
    <Layout title="Error" caller={c.var.caller ?? null} csrfToken={c.var.csrfToken ?? ''}>
      <ErrorPage status={error.status} message={error.message} />
    </Layout>,
    error.status,
  )
}
