import { shownTime } from '../../format'
import type { listTeamChecks } from '../../services/checks'

export type TeamCheck = Awaited<ReturnType<typeof listTeamChecks>>[number]

/** A check window, read by a whole team: in the viewer's zone, with its offset. */
function Window(props: { check: TeamCheck; timeZone: string }) {
  const { status, opensAt, closesAt } = props.check
  const when = (iso: string | null) => (iso ? shownTime(iso, props.timeZone, 'dateTimeOffset') : null)
  if (status === 'upcoming') return <span class="status status-upcoming">{`Opens ${when(opensAt)}`}</span>
  if (status === 'closed') return <span class="status status-closed">{`Closed ${when(closesAt)}`}</span>
  return <span class="status status-open">{closesAt ? `Open until ${when(closesAt)}` : 'Open'}</span>
}

export interface TeamChecksProps {
  checks: TeamCheck[]
  owner: boolean
  memberCount: number
  timeZone: string
}

/** The team's checks: take one, see your result, or (owners) read the results. */
export function TeamChecks(props: TeamChecksProps) {
  return (
    <section class="card" aria-labelledby="checks">
      <h2 id="checks">Knowledge checks</h2>
      {props.checks.length === 0 ? (
        <p class="muted">
          {props.owner ? 'No checks yet: create one below.' : 'No checks yet. Your team owners can create one.'}
        </p>
      ) : (
        <ul class="team-list">
          {props.checks.map((check) => (
            <li>
              <a href={`/checks/${check.id}`}>{check.title}</a>
              <Window check={check} timeZone={props.timeZone} />
              <span class="muted">{`${check.questionCount} questions`}</span>
              {check.submitted ? <span class="ok">Submitted</span> : null}
              {props.owner ? (
                <a href={`/checks/${check.id}/results`}>
                  {`Results (${check.submissionCount} of ${props.memberCount})`}
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
