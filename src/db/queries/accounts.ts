import { and, count, eq, gt, lt, min, type SQL } from 'drizzle-orm'
import { changedRows } from '../changes'
import type { Db } from '../index'
import { loginFailures, users } from '../schema'

export type UserRow = typeof users.$inferSelect

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.query.users.findFirst({ where: eq(users.email, email) })
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.query.users.findFirst({ where: eq(users.id, id) })
}

/** Inserts a user; returns false when the email is taken (unique index), so a race cannot create two. */
export async function insertUser(db: Db, user: typeof users.$inferInsert): Promise<boolean> {
  const result = await db.insert(users).values(user).onConflictDoNothing({ target: users.email })
  return changedRows(result) === 1
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId))
}

export async function recordLoginFailure(db: Db, email: string, ip: string, at: number): Promise<void> {
  await db.insert(loginFailures).values({ email, ip, at })
}

export interface FailureWindow {
  count: number
  oldest: number | null
}

/**
 * What a sign-in reads, in one round trip: failures since `since` (with the oldest, for
 * Retry-After) for the account from anywhere, from this address for it, and from this address
 * for any account; and the user with that email.
 */
export async function readSignIn(
  db: Db,
  email: string,
  ip: string,
  since: number,
): Promise<{
  account: FailureWindow
  accountAtAddress: FailureWindow
  address: FailureWindow
  user: UserRow | undefined
}> {
  const failures = (where: SQL | undefined) =>
    db
      .select({ count: count(), oldest: min(loginFailures.at) })
      .from(loginFailures)
      .where(and(where, gt(loginFailures.at, since)))
  const [account, accountAtAddress, address, user] = await db.batch([
    failures(eq(loginFailures.email, email)),
    failures(and(eq(loginFailures.email, email), eq(loginFailures.ip, ip))),
    failures(eq(loginFailures.ip, ip)),
    db.select().from(users).where(eq(users.email, email)).limit(1),
  ])
  const none = { count: 0, oldest: null }
  return {
    account: account[0] ?? none,
    accountAtAddress: accountAtAddress[0] ?? none,
    address: address[0] ?? none,
    user: user[0],
  }
}

/** Forgets failures older than the window (run opportunistically after a successful sign-in). */
export async function pruneLoginFailures(db: Db, before: number): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, before))
}
