import {
  loginWindowMs,
  maxFailuresPerAccountAndAddress,
  maxFailuresPerAddress,
  maxSlowDownMs,
  sessionAbsoluteMs,
  slowDownAfterFailures,
  slowDownStepMs,
} from '../auth/session-policy'
import type { Db } from '../db/index'
import {
  type FailureWindow,
  insertUser,
  pruneLoginFailures,
  readSignIn,
  recordLoginFailure,
  updatePasswordHash,
} from '../db/queries/accounts'
import { replaceSession } from '../db/queries/sessions'
import { AppError } from '../errors'
import { hashPassword, needsRehash, type Scrypt, type ScryptParams, verifyPassword } from '../security/password'
import { hashSecret, randomSecret } from '../security/secrets'
import type { RequestContext, UserContext } from './context'

/** How passwords are hashed: the KDF cost and the runtime's scrypt (thread pool on Node). */
export interface PasswordKdf {
  passwordParams: ScryptParams
  scrypt: Scrypt
}

/**
 * What only a sign-in has, for its throttle: the client's address and how to wait. The KDF is
 * `PasswordKdf`, the browser's session the caller's (`UserContext.sessionHash`), as elsewhere.
 */
export interface SignInAttempt {
  ip: string
  /** Waits `ms` milliseconds: how a sign-in to an account under attack is slowed down. */
  sleep: (ms: number) => Promise<void>
}

/** A dummy hash, verified when the email is unknown so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined

/** A new session for the user, replacing the browser's previous one if it had one. */
async function startSession(db: Db, userId: string, now: number, previousSessionHash?: string): Promise<string> {
  const secret = randomSecret(32)
  await replaceSession(db, previousSessionHash, {
    idHash: await hashSecret(secret),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + sessionAbsoluteMs,
  })
  return secret
}

export async function register(
  ctx: RequestContext,
  input: { email: string; password: string; name?: string | undefined; timezone?: string | undefined },
  { passwordParams, scrypt }: PasswordKdf,
): Promise<{ userId: string; sessionSecret: string }> {
  const userId = crypto.randomUUID()
  const inserted = await insertUser(ctx.db, {
    id: userId,
    email: input.email,
    name: input.name ?? null,
    passwordHash: await hashPassword(input.password, passwordParams, scrypt),
    createdAt: ctx.now,
    ...(input.timezone ? { settings: JSON.stringify({ timezone: input.timezone }) } : {}),
  })
  if (!inserted)
    throw new AppError(409, 'email_taken', 'email: an account with this email already exists', { field: 'email' })
  return { userId, sessionSecret: await startSession(ctx.db, userId, ctx.now) }
}

/** "52 minutes", "40 seconds": how long until the oldest counted failure leaves the window. */
function waitText(seconds: number): string {
  if (seconds > 90) return `${Math.ceil(seconds / 60)} minutes`
  return seconds === 1 ? '1 second' : `${seconds} seconds`
}

function tooManyFailures(window: FailureWindow, now: number, whose: string): AppError {
  const retryAfter = Math.max(1, Math.ceil(((window.oldest ?? now) + loginWindowMs - now) / 1000))
  return new AppError(
    429,
    'too_many_requests',
    `too many failed sign-ins ${whose}: try again in ${waitText(retryAfter)}`,
    {
      headers: { 'retry-after': String(retryAfter) },
      extra: { retryAfter },
    },
  )
}

/** How long a sign-in to an account with `failures` recent failures (from anywhere) waits. */
export function slowDownMs(failures: number): number {
  return Math.min(maxSlowDownMs, Math.max(0, failures - slowDownAfterFailures) * slowDownStepMs)
}

/**
 * Signs in, throttled per account and address (429 for an address that keeps failing), and only
 * slowed down per account, so an attacker cannot lock the owner out (policy in
 * `auth/session-policy.ts`). The browser's old session (`ctx.sessionHash`: `c.var.user` when it
 * was signed in, else the bare request) is deleted and a new one issued, so a
 * session id fixed before sign-in is useless after it.
 */
export async function login(
  ctx: RequestContext & Pick<UserContext, 'sessionHash'>,
  input: { email: string; password: string },
  { passwordParams, scrypt }: PasswordKdf,
  { ip, sleep }: SignInAttempt,
): Promise<{ userId: string; sessionSecret: string }> {
  const since = ctx.now - loginWindowMs
  // One round trip for the throttle and the account; one for the session (docs/deploy.md, round trips).
  const { user, ...failures } = await readSignIn(ctx.db, input.email, ip, since)
  if (failures.accountAtAddress.count >= maxFailuresPerAccountAndAddress)
    throw tooManyFailures(failures.accountAtAddress, ctx.now, 'to this account from your address')
  if (failures.address.count >= maxFailuresPerAddress)
    throw tooManyFailures(failures.address, ctx.now, 'from your address')
  const wait = slowDownMs(failures.account.count)
  if (wait > 0) await sleep(wait)
  dummyHash ??= hashPassword('dockdeck-dummy-password', passwordParams, scrypt)
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash), scrypt)
  if (!user || !ok) {
    await recordLoginFailure(ctx.db, input.email, ip, ctx.now)
    throw new AppError(401, 'invalid_credentials', 'the email or password is wrong')
  }
  if (needsRehash(user.passwordHash, passwordParams))
    await updatePasswordHash(ctx.db, user.id, await hashPassword(input.password, passwordParams, scrypt))
  if (failures.account.count + failures.address.count > 0) await pruneLoginFailures(ctx.db, since)
  return { userId: user.id, sessionSecret: await startSession(ctx.db, user.id, ctx.now, ctx.sessionHash) }
}
