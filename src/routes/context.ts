import type { Context } from 'hono'
import type { AppEnv } from '../env'
import type { AccountContext } from '../services/accounts'

export function accountContext(c: Context<AppEnv>): AccountContext {
  return {
    db: c.var.db,
    now: c.var.now,
    ip: c.var.deps.clientIp(c.req.raw, c.env),
    passwordParams: c.var.deps.passwordParams,
  }
}
