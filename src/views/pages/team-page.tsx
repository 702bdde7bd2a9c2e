import type { DeckSummary } from '../../db/queries/decks'
import { shownTime } from '../../format'
import { CsrfField } from '../components/csrf-field'
import { TeamCheckForm } from './team-check-form'
import { type TeamCheck, TeamChecks } from './team-checks'
import { type FormError, FormNotice, RoleBadge } from './team-list'
import { type TeamDetail, TeamMembers } from './team-members'

export interface TeamPageProps {
  team: TeamDetail
  checks: TeamCheck[]
  decks: DeckSummary[]
  userId: string
  csrfToken: string
  /** Shown once, right after an owner creates it. */
  invite?: { url: string; expiresAt: string }
  error?: FormError
  /** Which form the error belongs to. */
  errorIn?: 'check' | 'team'
  /** The viewer's zone: dates are shown and check times entered in it. */
  timeZone: string
}

function Invite(props: Pick<TeamPageProps, 'team' | 'invite' | 'csrfToken' | 'timeZone'>) {
  return (
    <section class="card" aria-labelledby="invite">
      <h2 id="invite">Invite a teammate</h2>
      {props.invite ? (
        <>
          <label for="invite-url">Send this link to one person (single use)</label>
          <div class="invite-link">
            <input id="invite-url" readonly value={props.invite.url} />
            <button type="button" class="secondary" data-copy="invite-url" hidden>
              Copy link
            </button>
          </div>
          <p class="hint">{`It works once and expires ${shownTime(props.invite.expiresAt, props.timeZone, 'dateTimeOffset')}. It is not shown again.`}</p>
        </>
      ) : (
        <p class="hint">Each link lets one person join and expires after 7 days.</p>
      )}
      <form method="post" action={`/teams/${props.team.id}/invites`} class="invite-form">
        <CsrfField token={props.csrfToken} />
        <button type="submit" class={props.invite ? 'secondary' : undefined}>
          {props.invite ? 'Create another link' : 'Create invite link'}
        </button>
      </form>
    </section>
  )
}

/** `/teams/:id`: checks first (what members come for), then invites, members and a new check. */
export function TeamPage(props: TeamPageProps) {
  const owner = props.team.role === 'owner'
  return (
    <>
      <h1>{props.team.name}</h1>
      <p>
        {'Your role: '}
        <RoleBadge role={props.team.role} /> · <a href="/teams">All teams</a>
      </p>
      {props.errorIn === 'team' ? <FormNotice error={props.error} /> : null}
      <TeamChecks
        checks={props.checks}
        owner={owner}
        memberCount={props.team.members.length}
        timeZone={props.timeZone}
      />
      {owner ? (
        <Invite team={props.team} invite={props.invite} csrfToken={props.csrfToken} timeZone={props.timeZone} />
      ) : null}
      <TeamMembers team={props.team} userId={props.userId} csrfToken={props.csrfToken} />
      {owner ? (
        <TeamCheckForm
          teamId={props.team.id}
          decks={props.decks}
          csrfToken={props.csrfToken}
          error={props.errorIn === 'check' ? props.error : undefined}
          timeZone={props.timeZone}
        />
      ) : null}
    </>
  )
}
