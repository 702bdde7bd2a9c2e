import type { Context } from 'hono'
import type { AppEnv } from '../env'
import { type AppError, problemResponse } from '../errors'
import { renderPage } from './layout'
import { ErrorPage } from './pages/error-page'
import { personMessage } from './person-message'

function wantsJson(c: Context): boolean {
  return (
    new URL(c.req.url).pathname.startsWith('/api/') || (c.req.header('accept')?.includes('application/json') ?? false)
  )
}

/** A same-origin page the person came from, never the page that failed or another site. */
function backLink(c: Context): string | undefined {
  const referer = c.req.header('referer')
  if (!referer) return undefined
  try {
    const from = new URL(referer)
    const here = new URL(c.req.url)
    if (from.origin !== here.origin || from.pathname === here.pathname) return undefined
    return `${from.pathname}${from.search}`
  } catch {
    return undefined
  }
}

/** The one error shape: problem+json for the API and JSON clients, an HTML page for browsers. */
export function renderError(c: Context<AppEnv>, error: AppError): Response | Promise<Response> {
  if (wantsJson(c)) return problemResponse(c, error)
  for (const [name, value] of Object.entries(error.options.headers ?? {})) c.header(name, value)
  const message =
    error.status === 404 && error.code === 'not_found' && error.message.startsWith('no route')
      ? 'There is no page at this address. Check the link, or start again from one of the pages below.'
      : personMessage(error)
  const page = <ErrorPage status={error.status} message={message} signedIn={c.var.caller != null} back={backLink(c)} />
  return renderPage(c, page, { title: 'Error' }, error.status)
}
