import { and, eq, gt } from 'drizzle-orm'
import type { Db } from '../index'
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

/** The live session for a secret's hash with its user, or nothing if unknown or past either expiry. */
export async function findLiveSession(db: Db, idHash: string, now: number, idleMs: number) {
  const [row] = await db
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
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, now - idleMs)))
    .limit(1)
  return row
}

export async function touchSession(db: Db, idHash: string, now: number): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash))
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash))
}
