import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { sessionAbsoluteMs } from './session-policy'

/**
 * Over HTTPS the cookie takes the `__Host-` prefix (Secure, Path=/, no Domain), which keeps
 * sibling subdomains from planting one. Plain http is only for local use on 127.0.0.1.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/Cookies#cookie_prefixes
 */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'
}

export function cookieName(c: Context, base: string): string {
  return isHttps(c) ? `__Host-${base}` : base
}

const sessionCookie = 'dockdeck_session'
const csrfCookie = 'dockdeck_csrf'

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, cookieName(c, sessionCookie))
}

export function writeSessionCookie(c: Context, secret: string): void {
  setCookie(c, cookieName(c, sessionCookie), secret, {
    httpOnly: true,
    secure: isHttps(c),
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.floor(sessionAbsoluteMs / 1000),
  })
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, cookieName(c, sessionCookie), { path: '/', secure: isHttps(c) })
}

export function readCsrfCookie(c: Context): string | undefined {
  return getCookie(c, cookieName(c, csrfCookie))
}

export function writeCsrfCookie(c: Context, token: string): void {
  setCookie(c, cookieName(c, csrfCookie), token, {
    httpOnly: true,
    secure: isHttps(c),
    sameSite: 'Strict',
    path: '/',
  })
}
