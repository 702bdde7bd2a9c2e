import type { Db } from '../db/index'
import {
  deleteSessionsOf,
  deleteUserAndData,
  findPasswordReset,
  insertPasswordReset,
  replacePassword,
  spendPasswordReset,
  teamsLeftWithoutOwner,
  updateEmail,
} from '../db/queries/account-changes'
import { findUserByEmail, findUserById } from '../db/queries/accounts'
import type { Mailer } from '../env'
import { AppError } from '../errors'
import { hashPassword, verifyPassword } from '../security/password'
import { weakPasswordReason } from '../security/password-policy'
import { hashSecret, randomSecret } from '../security/secrets'
import type { PasswordKdf } from './accounts'
import type { UserContext } from './context'

/** Reset links work for an hour, once. */
export const resetLinkMs = 60 * 60 * 1000

/**
 * Account changes take the signed-in user's one `UserContext` (its `sessionHash` is the session
 * making the change) and the runtime's password KDF, as `register` and `login` do: the thread
 * pool's scrypt on Node, so checking the current password never stalls other requests.
 */
async function requirePassword(ctx: UserContext, password: string, kdf: PasswordKdf) {
  const user = await findUserById(ctx.db, ctx.userId)
  if (!user) throw new AppError(401, 'unauthenticated', 'sign in again')
  if (!(await verifyPassword(password, user.passwordHash, kdf.scrypt)))
    throw new AppError(403, 'invalid_credentials', 'currentPassword: the current password is wrong', {
      field: 'currentPassword',
    })
  return user
}

function checkStrength(field: string, password: string, email: string) {
  const weak = weakPasswordReason(password, email)
  if (weak) throw new AppError(400, 'validation_failed', `${field}: ${weak}: choose another`, { field })
}

/** A new password after the current one; every other session is signed out with it. */
export async function changePassword(
  ctx: UserContext,
  input: { currentPassword: string; newPassword: string },
  kdf: PasswordKdf,
): Promise<void> {
  const user = await requirePassword(ctx, input.currentPassword, kdf)
  checkStrength('newPassword', input.newPassword, user.email)
  await replacePassword(
    ctx.db,
    ctx.userId,
    await hashPassword(input.newPassword, kdf.passwordParams, kdf.scrypt),
    ctx.sessionHash,
  )
}

export async function changeEmail(
  ctx: UserContext,
  input: { email: string; currentPassword: string },
  kdf: PasswordKdf,
) {
  await requirePassword(ctx, input.currentPassword, kdf)
  if (!(await updateEmail(ctx.db, ctx.userId, input.email)))
    throw new AppError(409, 'email_taken', 'email: another account uses this email', { field: 'email' })
}

export async function signOutEverywhere(ctx: UserContext): Promise<void> {
  await deleteSessionsOf(ctx.db, ctx.userId)
}

/** Deletes the account and all its data, unless it would leave a team with members but no owner. */
export async function deleteAccount(
  ctx: UserContext,
  input: { currentPassword: string },
  kdf: PasswordKdf,
): Promise<void> {
  const user = await requirePassword(ctx, input.currentPassword, kdf)
  const orphaned = await teamsLeftWithoutOwner(ctx.db, ctx.userId)
  if (orphaned.length)
    throw new AppError(
      409,
      'conflict',
      `you are the only owner of ${orphaned.map((name) => `"${name}"`).join(', ')}: make another member an owner first`,
    )
  await deleteUserAndData(ctx.db, ctx.userId, user.email)
}

/**
 * Sends a reset link when the email has an account, and says the same either way, so the form
 * does not tell who has an account. The link's origin is the configured public origin: never
 * the request's Host header, which an attacker could set to capture the link.
 */
export async function requestPasswordReset(
  db: Db,
  mailer: Mailer,
  input: { email: string; origin: string; now: number },
): Promise<void> {
  const user = await findUserByEmail(db, input.email)
  if (!user) return
  const secret = randomSecret(32)
  await insertPasswordReset(db, {
    tokenHash: await hashSecret(secret),
    userId: user.id,
    createdAt: input.now,
    expiresAt: input.now + resetLinkMs,
  })
  await mailer.send({
    to: user.email,
    subject: 'Reset your dockdeck password',
    text:
      `Someone (hopefully you) asked to reset the password of your dockdeck account.\n\n` +
      `Open this link within an hour to choose a new one:\n${input.origin}/password/reset/${secret}\n\n` +
      'If it was not you, ignore this message: your password stays as it is.',
  })
}

export async function resetLinkUser(db: Db, secret: string, now: number) {
  const reset = await findPasswordReset(db, await hashSecret(secret), now)
  if (!reset) throw new AppError(410, 'gone', 'this reset link has expired or was already used: ask for a new one')
  return reset
}

/** Sets a new password from a reset link, once; every session of the account is signed out. */
export async function resetPassword(
  db: Db,
  kdf: PasswordKdf,
  input: { secret: string; newPassword: string; now: number },
): Promise<void> {
  const reset = await resetLinkUser(db, input.secret, input.now)
  checkStrength('newPassword', input.newPassword, reset.email)
  const hash = await hashPassword(input.newPassword, kdf.passwordParams, kdf.scrypt)
  if (!(await spendPasswordReset(db, await hashSecret(input.secret), reset.userId, hash, input.now)))
    throw new AppError(410, 'gone', 'this reset link has expired or was already used: ask for a new one')
}
