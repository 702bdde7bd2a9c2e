import { shownTime } from '../../format'
import type { cardInfo } from '../../services/card-browser'
import { CardHtml } from '../components/card-html'
import { CsrfField } from '../components/csrf-field'
import { ActionNotice, type ActionSummary } from './cards'

export interface CardInfoPageProps {
  info: Awaited<ReturnType<typeof cardInfo>>
  csrfToken: string
  /** The action just applied to this card from its page, or undone. */
  action?: ActionSummary | undefined
  /** The viewer's zone: due dates and answers are shown on their clock. */
  timeZone: string
}

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`)

/** One card: its text, the schedule and memory FSRS holds for it, and every answer given to it. */
export function CardInfoPage(props: CardInfoPageProps) {
  const { card, state, retrievability, history } = props.info
  const when = (iso: string | null) => (iso ? shownTime(iso, props.timeZone) : '–')
  const action = state?.suspended ? 'unsuspend' : 'suspend'
  return (
    <>
      <p>
        <a href="/cards">Back to the cards</a>
      </p>
      <h1>Card</h1>
      {props.action ? (
        <ActionNotice
          action={props.action}
          search={`card=${encodeURIComponent(card.id)}`}
          csrfToken={props.csrfToken}
        />
      ) : null}
      <section class="card" aria-labelledby="card-text">
        <h2 id="card-text" class="visually-hidden">
          Prompt and answer
        </h2>
        <CardHtml html={card.promptHtml} />
        <hr />
        <CardHtml html={card.answerHtml} />
        <p class="muted">
          {`${card.deck} · ${card.topic} · ${card.kind}`}
          {card.tags.length ? ` · #${card.tags.join(' #')}` : ''}
          {card.retired ? ' · retired (removed from the notes)' : ''}
        </p>
      </section>
      <section class="card" aria-labelledby="memory-heading">
        <h2 id="memory-heading">Schedule and memory</h2>
        {state ? (
          <dl class="card-facts">
            <dt>State</dt>
            <dd>
              {state.state}
              {state.suspended ? ', suspended' : ''}
              {state.leech ? ', leech' : ''}
              {state.buriedUntil ? `, buried until ${when(state.buriedUntil)}` : ''}
            </dd>
            <dt>Due</dt>
            <dd>{when(state.due)}</dd>
            <dt>Stability</dt>
            <dd>{`${state.stability.toFixed(1)} days`}</dd>
            <dt>Difficulty</dt>
            <dd>{`${state.difficulty.toFixed(2)} (1 to 10)`}</dd>
            <dt>Predicted recall now</dt>
            <dd>{percent(retrievability)}</dd>
            <dt>Reviews · lapses</dt>
            <dd>{`${state.reps} · ${state.lapses}`}</dd>
          </dl>
        ) : (
          <p>New: not studied yet.</p>
        )}
        <form method="post" action="/cards/actions">
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="ids" value={card.id} />
          <input type="hidden" name="back" value={`card=${encodeURIComponent(card.id)}`} />
          <div class="row">
            <button class="secondary" type="submit" name="action" value={action}>
              {action === 'suspend' ? 'Suspend' : 'Unsuspend'}
            </button>
            <button class="secondary" type="submit" name="action" value="reset">
              Forget (reset)
            </button>
          </div>
        </form>
      </section>
      <section class="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{`History · ${history.length} answer${history.length === 1 ? '' : 's'}`}</h2>
        {history.length ? (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Rating</th>
                  <th scope="col">From</th>
                  <th scope="col">State after</th>
                  <th scope="col">Due after</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr>
                    <td>{when(h.reviewedAt)}</td>
                    <td>{h.rating}</td>
                    <td>{h.origin}</td>
                    <td>{h.stateAfter}</td>
                    <td>{when(h.dueAfter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="muted">No answers yet.</p>
        )}
      </section>
    </>
  )
}
