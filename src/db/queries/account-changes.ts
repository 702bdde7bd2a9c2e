import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm'
import { changedRows } from '../changes'
import type { Db } from '../index'
import { loginFailures, passwordResets, sessions, users } from '../schema'

/** Signs the user out of every session but `keepHash` (all of them when it is not given). */
export async function deleteSessionsOf(db: Db, userId: string, keepHash?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(keepHash ? and(eq(sessions.userId, userId), ne(sessions.idHash, keepHash)) : eq(sessions.userId, userId))
}

/** A new password, and every other session ended with it, in one transaction. */
export async function replacePassword(db: Db, userId: string, passwordHash: string, keepHash?: string) {
  await db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, userId)),
    db
      .delete(sessions)
      .where(keepHash ? and(eq(sessions.userId, userId), ne(sessions.idHash, keepHash)) : eq(sessions.userId, userId)),
  ])
}

/** Changes the email; false when another account has it (the unique index decides, race-free). */
export async function updateEmail(db: Db, userId: string, email: string): Promise<boolean> {
  const result = await db
    .update(users)
    .set({ email })
    .where(
      and(
        eq(users.id, userId),
        sql`not exists (select 1 from ${users} u2 where u2.email = ${email} and u2.id <> ${userId})`,
      ),
    )
  return changedRows(result) === 1
}

/** Teams where the user is the only owner while other members remain: deleting would orphan them. */
export async function teamsLeftWithoutOwner(db: Db, userId: string): Promise<string[]> {
  const rows = await db.all<{ name: string }>(sql`
    select t.name as name from team_members m join teams t on t.id = m.team_id
    where m.user_id = ${userId} and m.role = 'owner'
      and not exists (select 1 from team_members o where o.team_id = m.team_id and o.role = 'owner' and o.user_id <> ${userId})
      and exists (select 1 from team_members o where o.team_id = m.team_id and o.user_id <> ${userId})`)
  return rows.map((row) => row.name)
}

/**
 * Deletes the user and everything that is theirs in one transaction: teams where they are the
 * only member go with them; in shared teams what they created is handed to another owner, and
 * the invites they used forget them. Everything else (sessions, tokens, card states, review
 * history, exams, check submissions) goes by the foreign keys' ON DELETE CASCADE.
 */
export async function deleteUserAndData(db: Db, userId: string, email: string): Promise<boolean> {
  const otherOwner = (team: string) =>
    sql`(select o.user_id from team_members o where o.team_id = ${sql.raw(team)} and o.role = 'owner' and o.user_id <> ${userId} limit 1)`
  const soloTeams = sql`select m.team_id from team_members m where m.user_id = ${userId}
    and not exists (select 1 from team_members o where o.team_id = m.team_id and o.user_id <> ${userId})`
  const results = await db.batch([
    // The user's own decks and their solo teams' decks go too. Their cards are referenced by this
    // user's states and logs only (no one else may study them), so those go first.
    db.run(sql`delete from review_logs where user_id = ${userId}`),
    db.run(sql`delete from card_states where user_id = ${userId}`),
    db.run(sql`delete from decks where owner_id = ${userId} or team_id in (${soloTeams})`),
    db.run(sql`delete from teams where id in (
      select m.team_id from team_members m where m.user_id = ${userId}
        and not exists (select 1 from team_members o where o.team_id = m.team_id and o.user_id <> ${userId}))`),
    db.run(sql`update teams set created_by = ${otherOwner('teams.id')} where created_by = ${userId}`),
    db.run(sql`update checks set created_by = ${otherOwner('checks.team_id')} where created_by = ${userId}`),
    db.run(sql`delete from team_invites where created_by = ${userId} and used_at is null`),
    db.run(
      sql`update team_invites set created_by = ${otherOwner('team_invites.team_id')} where created_by = ${userId}`,
    ),
    db.run(sql`update team_invites set used_by = null where used_by = ${userId}`),
    db.delete(loginFailures).where(eq(loginFailures.email, email)),
    db.delete(users).where(eq(users.id, userId)),
  ])
  return changedRows(results.at(-1)) === 1
}

export async function insertPasswordReset(db: Db, reset: typeof passwordResets.$inferInsert): Promise<void> {
  await db.insert(passwordResets).values(reset)
}

/** The user a live reset link belongs to (unused, unexpired), if any. */
export async function findPasswordReset(db: Db, tokenHash: string, now: number) {
  const [row] = await db
    .select({ userId: passwordResets.userId, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
    )
    .limit(1)
  return row
}

/**
 * Spends a reset link and sets the new password in one transaction, ending every session: the
 * link is marked used only while still live, and the password changes only if that happened.
 */
export async function spendPasswordReset(db: Db, tokenHash: string, userId: string, passwordHash: string, now: number) {
  const results = await db.batch([
    db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)),
      ),
    db.run(sql`update users set password_hash = ${passwordHash} where id = ${userId} and changes() = 1`),
    db.run(
      sql`delete from sessions where user_id = ${userId} and (select used_at from password_resets where token_hash = ${tokenHash}) = ${now}`,
    ),
  ])
  return changedRows(results[1]) === 1
}
