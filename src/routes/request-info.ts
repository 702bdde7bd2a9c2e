import type { AppVariables } from '../env'
import type { SignInAttempt } from '../services/accounts'

/** This request as a sign-in attempt: the client's address, and how to slow it down. */
export function signInAttempt(c: { var: AppVariables; req: { raw: Request }; env: unknown }): SignInAttempt {
  return { ip: c.var.deps.clientIp(c.req.raw, c.env), sleep: c.var.deps.sleep }
}

/**
 * Where links sent outside the page point: the configured `PUBLIC_ORIGIN`, else nothing (a
 * relative link). The request's own origin comes from its `Host` header, which whoever sends
 * the request (or a proxy in front) chooses, so it never goes into a link.
 */
export function publicOrigin(c: { var: Pick<AppVariables, 'deps'> }): string {
  return c.var.deps.publicOrigin ?? ''
}
