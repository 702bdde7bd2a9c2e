import {
  deleteMember,
  findInvite,
  findMembership,
  insertInvite,
  insertTeam,
  listMembers,
  listTeamsOf,
  type Membership,
  spendInvite,
  updateRole,
} from '../db/queries/teams'
import { AppError } from '../errors'
import { iso } from '../format'
import type { Role } from '../schemas/teams'
import { hashSecret, randomSecret } from '../security/secrets'
import type { UserContext } from './context'

const day = 24 * 60 * 60 * 1000

/** The caller's membership; a team they are not in answers 404, so ids reveal nothing. */
export async function requireMember(ctx: UserContext, teamId: string): Promise<Membership> {
  const membership = await findMembership(ctx.db, teamId, ctx.userId)
  if (!membership) throw new AppError(404, 'not_found', `id: no team "${teamId}"`, { field: 'id' })
  return membership
}

export async function requireOwner(ctx: UserContext, teamId: string): Promise<Membership> {
  const membership = await requireMember(ctx, teamId)
  if (membership.role !== 'owner') throw new AppError(403, 'forbidden', 'only an owner of the team may do this')
  return membership
}

export async function createTeam(ctx: UserContext, name: string) {
  const id = crypto.randomUUID()
  await insertTeam(ctx.db, { id, name, createdBy: ctx.userId, createdAt: ctx.now })
  return { id, name, role: 'owner' as Role, memberCount: 1, createdAt: iso(ctx.now) }
}

export async function listTeams(ctx: UserContext) {
  const rows = await listTeamsOf(ctx.db, ctx.userId)
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role as Role,
    memberCount: r.memberCount,
    createdAt: iso(r.createdAt),
  }))
}

export async function teamDetail(ctx: UserContext, teamId: string) {
  const { team, role } = await requireMember(ctx, teamId)
  const members = await listMembers(ctx.db, teamId)
  return {
    id: team.id,
    name: team.name,
    role,
    createdAt: iso(team.createdAt),
    members: members.map((m) => ({ ...m, role: m.role as Role, joinedAt: iso(m.joinedAt) })),
  }
}

/** A single-use invite: 128 random bits, only its hash stored. The code is shown once. */
export async function createInvite(ctx: UserContext, teamId: string, expiresInDays: number, origin: string) {
  await requireOwner(ctx, teamId)
  const code = randomSecret(16)
  const expiresAt = ctx.now + expiresInDays * day
  await insertInvite(ctx.db, {
    codeHash: await hashSecret(code),
    teamId,
    createdBy: ctx.userId,
    createdAt: ctx.now,
    expiresAt,
  })
  return { code, url: `${origin}/invites/${code}`, expiresAt: iso(expiresAt) }
}

/** What the invite page shows before accepting; throws 404/410 as `acceptInvite` would. */
export async function previewInvite(ctx: UserContext, code: string) {
  const invite = await findInvite(ctx.db, await hashSecret(code))
  if (!invite) throw new AppError(404, 'not_found', 'code: no such invite', { field: 'code' })
  const member = await findMembership(ctx.db, invite.teamId, ctx.userId)
  if (!member) {
    if (invite.usedAt !== null) throw new AppError(410, 'gone', 'code: this invite has already been used')
    if (invite.expiresAt <= ctx.now)
      throw new AppError(410, 'gone', `code: this invite expired at ${iso(invite.expiresAt)}`)
  }
  return { team: { id: invite.teamId, name: invite.teamName }, member: member !== undefined }
}

export async function acceptInvite(ctx: UserContext, code: string) {
  const preview = await previewInvite(ctx, code)
  if (preview.member)
    throw new AppError(409, 'conflict', `you are already a member of "${preview.team.name}"`, { field: 'code' })
  const teamId = await spendInvite(ctx.db, await hashSecret(code), ctx.userId, ctx.now)
  if (!teamId) {
    // Joined through another invite since the preview: this code stays unspent.
    if (await findMembership(ctx.db, preview.team.id, ctx.userId))
      throw new AppError(409, 'conflict', `you are already a member of "${preview.team.name}"`, { field: 'code' })
    throw new AppError(410, 'gone', 'code: this invite has already been used')
  }
  return { team: preview.team, role: 'member' as Role }
}

/** An owner removes anyone; a member may only remove themself (leave). */
export async function removeMember(ctx: UserContext, teamId: string, userId: string): Promise<void> {
  const self = userId === ctx.userId
  if (self) await requireMember(ctx, teamId)
  else await requireOwner(ctx, teamId)
  if (await deleteMember(ctx.db, teamId, userId)) return
  if (!(await findMembership(ctx.db, teamId, userId)))
    throw new AppError(404, 'not_found', `userId: no member "${userId}" in this team`, { field: 'userId' })
  throw new AppError(
    409,
    'conflict',
    self
      ? 'you are the last owner: promote another member to owner before leaving'
      : 'the last owner cannot be removed: promote another member to owner first',
  )
}

export async function changeRole(ctx: UserContext, teamId: string, userId: string, role: Role) {
  await requireOwner(ctx, teamId)
  if (!(await findMembership(ctx.db, teamId, userId)))
    throw new AppError(404, 'not_found', `userId: no member "${userId}" in this team`, { field: 'userId' })
  if (!(await updateRole(ctx.db, teamId, userId, role)))
    throw new AppError(409, 'conflict', 'the last owner cannot become a member: promote someone else first')
  return { userId, role }
}
