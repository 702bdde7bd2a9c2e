import type { teamDetail } from '../../services/teams'
import { CsrfField } from '../components/csrf-field'
import { RoleBadge } from './team-list'

export type TeamDetail = Awaited<ReturnType<typeof teamDetail>>

export interface TeamMembersProps {
  team: TeamDetail
  userId: string
  csrfToken: string
}

/** Members with their roles; owners get promote, step-down and remove buttons, everyone a Leave button. */
export function TeamMembers(props: TeamMembersProps) {
  const { team, userId } = props
  const owner = team.role === 'owner'
  const base = `/teams/${team.id}/members`
  // The last owner can neither step down nor leave: say so instead of offering buttons that only fail.
  const owners = team.members.filter((m) => m.role === 'owner').length
  return (
    <section class="card" aria-labelledby="members">
      <h2 id="members">{`Members (${team.members.length})`}</h2>
      <div class="scroll">
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => {
              const who = m.name ?? m.email
              const self = m.userId === userId
              const lastOwner = self && m.role === 'owner' && owners === 1
              return (
                <tr>
                  <td>
                    {who}
                    {self ? ' (you)' : ''}
                    {m.name ? <div class="muted">{m.email}</div> : null}
                  </td>
                  <td>
                    <RoleBadge role={m.role} />
                  </td>
                  <td>
                    <div class="actions">
                      {lastOwner ? (
                        <span class="muted">The only owner: make another member an owner to step down or leave.</span>
                      ) : null}
                      {owner && !lastOwner ? (
                        <form method="post" action={`${base}/${m.userId}/role`} class="inline-form">
                          <CsrfField token={props.csrfToken} />
                          <input type="hidden" name="role" value={m.role === 'owner' ? 'member' : 'owner'} />
                          <button type="submit" class="secondary">
                            {m.role === 'owner'
                              ? self
                                ? 'Step down'
                                : `Make ${who} a member`
                              : `Make ${who} an owner`}
                          </button>
                        </form>
                      ) : null}
                      {(owner || self) && !lastOwner ? (
                        <form method="post" action={`${base}/${m.userId}/remove`} class="inline-form">
                          <CsrfField token={props.csrfToken} />
                          <button type="submit" class="secondary">
                            {self ? 'Leave team' : `Remove ${who}`}
                          </button>
                        </form>
                      ) : null}
                    </div>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {owner ? <p class="hint">The last owner cannot leave or step down: make someone else an owner first.</p> : null}
    </section>
  )
}
