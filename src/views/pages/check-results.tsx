import type { CheckResults } from '../../services/check-results'
import { CheckBars } from './check-bars'

export interface CheckResultsPageProps {
  results: CheckResults
}

const who = (m: { name: string | null; email: string }) => m.name ?? m.email

function MostMissed(props: { results: CheckResults }) {
  const missed = props.results.mostMissed
  if (missed.length === 0) return <p class="muted">No question has been missed yet.</p>
  return (
    <div class="scroll">
      <table class="missed">
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Correct answer</th>
            <th scope="col" class="num">
              Missed
            </th>
          </tr>
        </thead>
        <tbody>
          {missed.map((q) => (
            <tr>
              <td data-label="Question">
                {q.prompt}
                <div class="muted">{q.topicTitle}</div>
              </td>
              <td class="answer" data-label="Correct answer">
                {q.answer}
              </td>
              <td class="num" data-label="Missed by">
                {`${q.misses} of ${q.of}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** `/checks/:id/results` (owners): team averages by topic, each member's score, what was missed. */
export function CheckResultsPage(props: CheckResultsPageProps) {
  const { results } = props
  const { check, members, notSubmitted } = results
  const everyone = members.length + notSubmitted.length
  return (
    <>
      <h1>{`Results: ${check.title}`}</h1>
      <p class="row">
        <a href={`/teams/${check.teamId}`}>Back to the team</a>
        <a href={`/api/v1/checks/${check.id}/results?format=csv`} download>
          Download CSV
        </a>
        <span class="muted">{`${members.length} of ${everyone} submitted · ${check.questionCount} questions · ${check.status}`}</span>
      </p>
      <section class="card" aria-labelledby="by-topic">
        <h2 id="by-topic">Team average by topic</h2>
        <CheckBars
          title="Team average score by topic"
          bars={results.topics.map((t) => ({
            label: t.title,
            share: t.average,
            detail: t.total ? `${t.correct}/${t.total}` : undefined,
          }))}
        />
      </section>
      <section class="card" aria-labelledby="by-member">
        <h2 id="by-member">Score by member</h2>
        {members.length === 0 ? (
          <p class="muted">Nobody has submitted yet.</p>
        ) : (
          <CheckBars
            title="Score by member"
            bars={members.map((m) => ({ label: who(m), share: m.score, detail: `${m.correct}/${m.total}` }))}
          />
        )}
      </section>
      <section class="card" aria-labelledby="most-missed">
        <h2 id="most-missed">Most missed questions</h2>
        <MostMissed results={results} />
      </section>
      <section class="card" aria-labelledby="not-submitted">
        <h2 id="not-submitted">{`Not submitted (${notSubmitted.length})`}</h2>
        {notSubmitted.length === 0 ? (
          <p class="muted">Everyone has submitted.</p>
        ) : (
          <ul>
            {notSubmitted.map((m) => (
              <li>{`${who(m)}${m.role === 'owner' ? ' (owner)' : ''}`}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
