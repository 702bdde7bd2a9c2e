import type { listTeams } from '../../services/teams'
import { CsrfField } from '../components/csrf-field'

export type TeamSummary = Awaited<ReturnType<typeof listTeams>>[number]

export interface FormError {
  field?: string
  message: string
}

export function FormNotice(props: { error?: FormError }) {
  if (!props.error) return null
  return (
    <p id="form-error" class="notice error" role="alert">
      {props.error.message}
    </p>
  )
}

export function RoleBadge(props: { role: string }) {
  return <span class={`role role-${props.role}`}>{props.role}</span>
}

export interface TeamListProps {
  teams: TeamSummary[]
  csrfToken: string
  name?: string
  error?: FormError
}

/** `/teams`: the caller's teams and a form to start one. */
export function TeamList(props: TeamListProps) {
  return (
    <>
      <h1>Teams</h1>
      <section class="card" aria-labelledby="your-teams">
        <h2 id="your-teams">Your teams</h2>
        {props.teams.length === 0 ? (
          <p class="muted">You are not in a team yet. Start one below, or open an invite link from a teammate.</p>
        ) : (
          <ul class="team-list">
            {props.teams.map((team) => (
              <li>
                <a href={`/teams/${team.id}`}>{team.name}</a>
                <RoleBadge role={team.role} />
                <span class="muted">{`${team.memberCount} ${team.memberCount === 1 ? 'member' : 'members'}`}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="new-team">
        <h2 id="new-team">Start a team</h2>
        <FormNotice error={props.error} />
        <form method="post" action="/teams">
          <CsrfField token={props.csrfToken} />
          <label for="team-name">Team name</label>
          <div class="row">
            <input
              id="team-name"
              name="name"
              class="grow"
              required
              maxlength={80}
              value={props.name ?? ''}
              aria-invalid={props.error?.field === 'name' ? 'true' : undefined}
              aria-describedby={props.error ? 'form-error' : undefined}
            />
            <button type="submit">Create team</button>
          </div>
        </form>
      </section>
    </>
  )
}
