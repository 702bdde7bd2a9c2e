import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { CompiledCard } from '../../content/types'
import type { Db } from '../index'
import { checkSubmissions, checks, teamMembers, topics, users } from '../schema'
import { loadLiveCards, toCompiledCard } from './exams'

export type CheckRow = typeof checks.$inferSelect
export type SubmissionRow = typeof checkSubmissions.$inferSelect

/** The live cards of a deck in the shape the exam builder takes. */
export async function loadDeckCards(db: Db, deck: string): Promise<CompiledCard[]> {
  return (await loadLiveCards(db, deck)).map(toCompiledCard)
}

export async function insertCheck(db: Db, check: typeof checks.$inferInsert): Promise<void> {
  await db.insert(checks).values(check)
}

export async function findCheck(db: Db, id: string): Promise<CheckRow | undefined> {
  const [row] = await db.select().from(checks).where(eq(checks.id, id))
  return row
}

/** A team's checks, newest first, with how many members submitted and whether `userId` did. */
export async function listChecks(db: Db, teamId: string, userId: string) {
  return db
    .select({
      id: checks.id,
      title: checks.title,
      deck: checks.deck,
      format: checks.format,
      opensAt: checks.opensAt,
      closesAt: checks.closesAt,
      createdAt: checks.createdAt,
      questionCount: sql<number>`json_array_length(${checks.questions})`,
      submissionCount: sql<number>`(select count(*) from ${checkSubmissions} s where s.check_id = ${checks.id})`,
      submitted: sql<number>`exists(select 1 from ${checkSubmissions} s where s.check_id = ${checks.id} and s.user_id = ${userId})`,
    })
    .from(checks)
    .where(eq(checks.teamId, teamId))
    .orderBy(desc(checks.createdAt), asc(checks.id))
}

/** Inserts a submission unless the member already has one. Returns whether it was inserted. */
export async function insertSubmission(db: Db, submission: typeof checkSubmissions.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(checkSubmissions)
    .values(submission)
    .onConflictDoNothing()
    .returning({ userId: checkSubmissions.userId })
  return rows.length > 0
}

export async function findSubmission(db: Db, checkId: string, userId: string): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .select()
    .from(checkSubmissions)
    .where(and(eq(checkSubmissions.checkId, checkId), eq(checkSubmissions.userId, userId)))
  return row
}

/** Every submission of a check with who made it, in submission order. */
function submissionsQuery(db: Db, checkId: string) {
  return db
    .select({ submission: checkSubmissions, name: users.name, email: users.email })
    .from(checkSubmissions)
    .innerJoin(users, eq(users.id, checkSubmissions.userId))
    .where(eq(checkSubmissions.checkId, checkId))
    .orderBy(asc(checkSubmissions.submittedAt), asc(users.email))
}

/**
 * Everything a check's results need, in one round trip: the check, the caller's role in its
 * team, the team's members, the submissions and the deck's topic titles. The later reads find
 * the team and deck through the check's own row (subqueries), so none waits for the first; the
 * caller discards them unless it may read the results. No statement joins tables that share a
 * column name (D1 keys batched rows by column name).
 */
export async function loadCheckResults(db: Db, checkId: string, userId: string) {
  const teamOfCheck = sql`(select ${checks.teamId} from ${checks} where ${checks.id} = ${checkId})`
  const [found, role, members, submissions, titles] = await db.batch([
    db.select().from(checks).where(eq(checks.id, checkId)).limit(1),
    db
      .select({ role: teamMembers.role })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamOfCheck), eq(teamMembers.userId, userId)))
      .limit(1),
    db
      .select({ userId: teamMembers.userId, name: users.name, email: users.email, role: teamMembers.role })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(eq(teamMembers.teamId, teamOfCheck))
      .orderBy(desc(sql`${teamMembers.role} = 'owner'`), asc(teamMembers.joinedAt), asc(users.email)),
    submissionsQuery(db, checkId),
    db
      .select({ slug: topics.slug, title: topics.title })
      .from(topics)
      .where(eq(topics.deck, sql`(select ${checks.deck} from ${checks} where ${checks.id} = ${checkId})`)),
  ])
  return {
    check: found[0],
    role: role[0]?.role,
    members,
    submissions,
    titles: new Map(titles.map((t) => [t.slug, t.title])),
  }
}
