import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Role } from '../../schemas/teams'
import type { Db } from '../index'
import { teamInvites, teamMembers, teams, users } from '../schema'

export interface Membership {
  team: { id: string; name: string; createdAt: number }
  role: Role
}

/** Creates a team with its creator as the first owner, in one batch. */
export async function insertTeam(db: Db, team: typeof teams.$inferInsert): Promise<void> {
  await db.batch([
    db.insert(teams).values(team),
    db.insert(teamMembers).values({ teamId: team.id, userId: team.createdBy, role: 'owner', joinedAt: team.createdAt }),
  ])
}

const memberCount = sql<number>`(select count(*) from ${teamMembers} m where m.team_id = ${teams.id})`

/** The teams a user belongs to, with their role and the number of members. */
export async function listTeamsOf(db: Db, userId: string) {
  return db
    .select({ id: teams.id, name: teams.name, createdAt: teams.createdAt, role: teamMembers.role, memberCount })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.userId, userId))
    .orderBy(asc(teams.name), asc(teams.id))
}

/** The user's membership of a team, or undefined when they are not in it (or it does not exist). */
export async function findMembership(db: Db, teamId: string, userId: string): Promise<Membership | undefined> {
  const [row] = await db
    .select({ id: teams.id, name: teams.name, createdAt: teams.createdAt, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
  if (!row) return undefined
  return { team: { id: row.id, name: row.name, createdAt: row.createdAt }, role: row.role as Role }
}

/** Owners first, then by the date they joined. */
export async function listMembers(db: Db, teamId: string) {
  return db
    .select({
      userId: teamMembers.userId,
      name: users.name,
      email: users.email,
      role: teamMembers.role,
      joinedAt: teamMembers.joinedAt,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(desc(sql`${teamMembers.role} = 'owner'`), asc(teamMembers.joinedAt), asc(users.email))
}

export async function insertInvite(db: Db, invite: typeof teamInvites.$inferInsert): Promise<void> {
  await db.insert(teamInvites).values(invite)
}

export async function findInvite(db: Db, codeHash: string) {
  const [row] = await db
    .select({
      teamId: teamInvites.teamId,
      teamName: teams.name,
      expiresAt: teamInvites.expiresAt,
      usedAt: teamInvites.usedAt,
    })
    .from(teamInvites)
    .innerJoin(teams, eq(teams.id, teamInvites.teamId))
    .where(eq(teamInvites.codeHash, codeHash))
  return row
}

/**
 * Spends an invite and adds the user to its team, atomically: the conditional UPDATE lets only
 * one request use the code, and only while the user is not yet a member (checked in the same
 * statement, so one user accepting two invites to a team at once spends one code, not both);
 * the INSERT only follows an UPDATE made by this user just now.
 * Returns the team id, or undefined when the code is unknown, used or expired, or the user is
 * already in its team.
 */
export async function spendInvite(db: Db, codeHash: string, userId: string, now: number) {
  const [spent] = await db.batch([
    db
      .update(teamInvites)
      .set({ usedAt: now, usedBy: userId })
      .where(
        and(
          eq(teamInvites.codeHash, codeHash),
          isNull(teamInvites.usedAt),
          gt(teamInvites.expiresAt, now),
          sql`not exists (select 1 from ${teamMembers} m where m.team_id = ${teamInvites.teamId} and m.user_id = ${userId})`,
        ),
      )
      .returning({ teamId: teamInvites.teamId }),
    db.run(sql`insert into ${teamMembers} (team_id, user_id, role, joined_at)
      select team_id, ${userId}, 'member', ${now} from ${teamInvites}
      where code_hash = ${codeHash} and used_by = ${userId} and used_at = ${now}
      on conflict do nothing`),
  ])
  return spent[0]?.teamId
}

const otherOwnerExists = (teamId: string) =>
  sql`(select count(*) from ${teamMembers} o where o.team_id = ${teamId} and o.role = 'owner') > 1`

/**
 * Removes a member. An owner is only removed while another owner remains, checked in the same
 * statement so two owners leaving at once cannot both succeed. Returns whether a row went.
 */
export async function deleteMember(db: Db, teamId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(teamMembers)
    .where(
      and(
        eq(teamMembers.teamId, teamId),
        eq(teamMembers.userId, userId),
        sql`(${teamMembers.role} <> 'owner' or ${otherOwnerExists(teamId)})`,
      ),
    )
    .returning({ userId: teamMembers.userId })
  return rows.length > 0
}

/** Sets a member's role; demoting the last owner changes nothing. Returns whether a row changed. */
export async function updateRole(db: Db, teamId: string, userId: string, role: Role): Promise<boolean> {
  const rows = await db
    .update(teamMembers)
    .set({ role })
    .where(
      and(
        eq(teamMembers.teamId, teamId),
        eq(teamMembers.userId, userId),
        role === 'owner' ? undefined : sql`(${teamMembers.role} <> 'owner' or ${otherOwnerExists(teamId)})`,
      ),
    )
    .returning({ userId: teamMembers.userId })
  return rows.length > 0
}
