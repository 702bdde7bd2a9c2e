import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { html } from 'hono/html'
import type { Child } from 'hono/jsx'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv, Caller } from '../env'
import { assetPath } from './assets/versions'

/** What a page tells the layout: its title, assets and an optional self-refresh. */
export interface PageProps {
  title: string
  scripts?: string[]
  styles?: string[]
  refreshInSeconds?: number | undefined
}

export interface LayoutProps {
  title: string
  caller: Caller | null
  csrfToken: string
  scripts?: string[]
  styles?: string[]
  /**
   * A page built once for everyone (the API reference, a static file): its header cannot know
   * who reads it, so it links where both a signed-in and a signed-out reader can go on.
   */
  shared?: boolean
  /** Reload the page after this many seconds (`<meta http-equiv="refresh">`, works without JS). */
  refreshInSeconds?: number | undefined
  children?: Child
}

declare module 'hono' {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: module augmentation merges interfaces, not type aliases
    (content: string | Promise<string>, props: PageProps): Response | Promise<Response>
  }
}

export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · dockdeck`}</title>
        {props.refreshInSeconds === undefined ? null : (
          <meta http-equiv="refresh" content={String(props.refreshInSeconds)} />
        )}
        <link rel="icon" href="/favicon.ico" type="image/svg+xml" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <meta name="theme-color" content="#0b5cad" />
        <link rel="stylesheet" href={assetPath('app.css')} />
        {props.styles?.map((name) => (
          <link rel="stylesheet" href={assetPath(name)} />
        ))}
        {props.scripts?.map((name) => (
          <script type="module" src={assetPath(name)} />
        ))}
      </head>
      <body>
        <header class="site">
          <a class="brand" href="/">
            dockdeck
          </a>
          {props.shared ? (
            <nav aria-label="Main">
              <a href="/">Decks</a>
              <a href="/review">Review</a>
              <a href="/account">Your account</a>
            </nav>
          ) : props.caller ? (
            <>
              <nav aria-label="Main">
                <a href="/">Decks</a>
                <a href="/review">Review</a>
                <a href="/cards">Cards</a>
                <a href="/progress">Progress</a>
                <a href="/exams">Exams</a>
                <a href="/teams">Teams</a>
                <a href="/settings">Settings</a>
              </nav>
              <form method="post" action="/signout" class="account">
                <input type="hidden" name="_csrf" value={props.csrfToken} />
                <a class="who" href="/account" title="Your account">
                  {props.caller.name ?? props.caller.email}
                </a>{' '}
                <button class="link" type="submit">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <nav aria-label="Account" class="account">
              <a href="/signin">Sign in</a>
              <a href="/signup">Sign up</a>
            </nav>
          )}
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          <a href="/help">Help</a>
          <a href="/api/docs">API reference</a>
        </footer>
      </body>
    </html>
  )
}

/**
 * The one layout: every page renders through `c.render(content, { title })`. A plain
 * `setRenderer` rather than hono's `jsxRenderer`, which imports the streaming and client-side
 * DOM renderer (about 5 KB gzip of the Worker bundle) that server-rendered pages never use.
 */
export const layout = createMiddleware<AppEnv>(async (c, next) => {
  c.setRenderer((content, props) => renderPage(c, content, props))
  await next()
})

/** A whole HTML document in the layout; also used by the error handler, outside any renderer. */
export function renderPage(c: Context<AppEnv>, content: Child, props: PageProps, status?: ContentfulStatusCode) {
  const page = (
    <Layout {...props} caller={c.var.caller ?? null} csrfToken={c.var.csrfToken ?? ''}>
      {content}
    </Layout>
  )
  return c.html(html`<!DOCTYPE html>${page}`, status)
}
