import { and, eq, gt, isNotNull } from 'drizzle-orm'
import type { Db } from '../index'
import { bound, placeholder, reuse } from '../reuse'
import { sessions, users } from '../schema'

export async function insertSession(db: Db, session: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(session)
}

/** Issues a session in place of the one the browser had (if any): one atomic batch, one round trip. */
export async function replaceSession(
  db: Db,
  previousIdHash: string | undefined,
  session: typeof sessions.$inferInsert,
): Promise<void> {
  const insert = db.insert(sessions).values(session)
  if (previousIdHash) await db.batch([db.delete(sessions).where(eq(sessions.idHash, previousIdHash)), insert])
  else await insert
}

/**
 * The caller's settings, as the first statement of a route's own batch: for a session known only
 * from its signed cookie (`sessionHash`), only while that session is live (not signed out, not past
 * either expiry), so a batch that returns no row here was made for nobody; for a caller checked
 * already (`checked`: an API token), the user's row. One statement shape for both, so a batch
 * has one type. Built once per shape and bound (`reuse`): an item for `db.batch` only.
 */
export function callerRow(
  db: Db,
  claim: { userId: string; sessionHash?: string | undefined; checked: boolean },
  now: number,
  idleMs: number,
) {
  const built = reuse(
    db,
    claim.checked ? 'caller checked' : 'caller',
    () =>
      [
        db
          .select({ settings: users.settings, lastSeenAt: sessions.lastSeenAt })
          .from(users)
          .leftJoin(
            sessions,
            and(
              eq(sessions.userId, users.id),
              eq(sessions.idHash, placeholder<string>('hash')),
              gt(sessions.expiresAt, placeholder<number>('now')),
              gt(sessions.lastSeenAt, placeholder<number>('idleSince')),
            ),
          )
          .where(and(eq(users.id, placeholder<string>('user')), claim.checked ? undefined : isNotNull(sessions.idHash)))
          .limit(1),
      ] as const,
  )
  const [row] = bound(built, { hash: claim.sessionHash ?? '', now, idleSince: now - idleMs, user: claim.userId })
  return row
}

export type CallerRow = ReturnType<typeof callerRow>

/** The live session for a secret's hash with its user, or nothing if unknown or past either expiry. */
export async function findLiveSession(db: Db, idHash: string, userId: string, now: number, idleMs: number) {
  const [statement] = reuse(
    db,
    'live session',
    () =>
      [
        db
          .select({
            idHash: sessions.idHash,
            lastSeenAt: sessions.lastSeenAt,
            userId: users.id,
            email: users.email,
            name: users.name,
            settings: users.settings,
          })
          .from(sessions)
          .innerJoin(users, eq(users.id, sessions.userId))
          .where(
            and(
              eq(sessions.idHash, placeholder<string>('hash')),
              eq(sessions.userId, placeholder<string>('user')),
              gt(sessions.expiresAt, placeholder<number>('now')),
              gt(sessions.lastSeenAt, placeholder<number>('idleSince')),
            ),
          )
          .limit(1),
      ] as const,
  ).prepared
  const [row] = await statement.all({ hash: idHash, user: userId, now, idleSince: now - idleMs })
  return row
}
export async function touchSession(db: Db, idHash: string, now: number): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash))
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash))
}
