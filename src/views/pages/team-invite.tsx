import { CsrfField } from '../components/csrf-field'

export interface TeamInviteProps {
  code: string
  team: { id: string; name: string }
  member: boolean
  csrfToken: string
}

/** `/invites/:code`: what the link is for, and one button to join. */
export function TeamInvite(props: TeamInviteProps) {
  return (
    <section class="card">
      <h1>{`Join ${props.team.name}`}</h1>
      {props.member ? (
        <p>
          {'You are already a member. '}
          <a href={`/teams/${props.team.id}`}>Open the team</a>
        </p>
      ) : (
        <form method="post" action={`/invites/${props.code}`}>
          <CsrfField token={props.csrfToken} />
          <p>You have been invited to this team on dockdeck, to take its knowledge checks.</p>
          <button type="submit">{`Join ${props.team.name}`}</button>
        </form>
      )}
    </section>
  )
}
