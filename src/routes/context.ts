import type { Context } from 'hono'
import type { AppEnv } from '../env'
import type { AccountContext } from '../services/accounts'
import type { ReviewContext } from '../services/review'

export function accountContext(c: Context<AppEnv>): AccountContext {
  return {
    db: c.var.db,
    now: c.var.now,
    ip: c.var.deps.clientIp(c.req.raw, c.env),
    passwordParams: c.var.deps.passwordParams,
  }
}

/**
 * The signed-in caller as the services take it (use after `auth()` or `signedIn`): database,
 * user, request time, and the settings the session lookup already read.
 */
export function callerContext(c: Context<AppEnv>): ReviewContext {
  const caller = c.var.caller!
  return { db: c.var.db, userId: caller.userId, now: c.var.now, settingsJson: caller.settings }
}
