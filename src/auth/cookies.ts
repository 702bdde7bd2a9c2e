import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { signValue, verifyValue } from '../security/signing'
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

/** What a session cookie says, once its signature is checked: whose session, and its secret. */
export interface SessionClaim {
  userId: string
  secret: string
}

/**
 * The session cookie holds `user id . secret . MAC`, signed with the server's key, so a request
 * knows its user before reading anything: the rate limit and the route's first batch use the id,
 * and that batch also checks the session is still live (not signed out, not expired). A cookie
 * that is altered, forged or signed under another key is no session at all.
 */
export function readSessionCookie(c: Context, signingKey: string): SessionClaim | undefined {
  const value = getCookie(c, cookieName(c, sessionCookie))
  const payload = value === undefined ? undefined : verifyValue(signingKey, 'session', value)
  const [userId, secret, extra] = payload?.split('.') ?? []
  if (!userId || !secret || extra !== undefined) return undefined
  return { userId, secret }
}

export function writeSessionCookie(c: Context, signingKey: string, session: SessionClaim): void {
  const value = signValue(signingKey, 'session', `${session.userId}.${session.secret}`)
  setCookie(c, cookieName(c, sessionCookie), value, {
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
