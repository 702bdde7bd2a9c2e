import type { BrowserState } from '../../domain/card-browser'
import { browserStates } from '../../domain/card-browser'
import { shownTime } from '../../format'
import type { CardSearchQuery } from '../../schemas/cards'
import type { BrowserCard } from '../../services/card-browser'
import { CsrfField } from '../components/csrf-field'

export interface CardsPageProps {
  query: CardSearchQuery
  /** The search as a query string (no paging), kept across the bulk form and the undo. */
  search: string
  page: { cards: BrowserCard[]; total: number; sort: string; nextCursor: string | null }
  decks: Array<{ slug: string; title: string; topics: Array<{ slug: string; title: string }> }>
  csrfToken: string
  today: string
  /** The viewer's zone, for due dates. */
  timeZone: string
  /** The bulk action just applied or undone, for the notice and its undo button. */
  action?: { id: string; verb: string; changed: number; undone: boolean; skipped: number } | undefined
}

const sorts = [
  ['', 'Note order (or best match)'],
  ['due', 'Due'],
  ['lapses', 'Lapses'],
  ['difficulty', 'Difficulty'],
  ['retrievability', 'Predicted recall'],
] as const

const stateLabels: Record<BrowserState, string> = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  suspended: 'Suspended',
  buried: 'Buried',
  leech: 'Leech',
}

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`)
const day = (iso: string | null, timeZone: string) => (iso ? shownTime(iso, timeZone, 'date') : '–')

function flags(card: BrowserCard): string {
  const out: string[] = [card.state]
  if (card.suspended) out.push('suspended')
  if (card.buried) out.push('buried')
  if (card.leech) out.push('leech')
  return out.join(', ')
}

function Select(props: {
  name: string
  label: string
  value: string | undefined
  options: ReadonlyArray<readonly [string, string]>
}) {
  return (
    <div>
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={(props.value ?? '') === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
}

export type ActionSummary = NonNullable<CardsPageProps['action']>

/** What a bulk action did, with its undo button until it is undone. */
export function ActionNotice(props: { action: ActionSummary; search: string; csrfToken: string }) {
  const { action } = props
  const cards = `${action.changed} card${action.changed === 1 ? '' : 's'}`
  if (action.undone)
    return (
      <p class="notice info" role="status">
        {`Undone: ${cards} back as they were.`}
      </p>
    )
  return (
    <div class="notice info row" role="status">
      <span class="grow">
        {`${action.verb} ${cards}.`}
        {action.skipped > 0 ? ` ${action.skipped} new card${action.skipped === 1 ? '' : 's'} left as they were.` : ''}
      </span>
      <form method="post" action={`/cards/actions/${action.id}/undo`}>
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="back" value={props.search} />
        <button class="secondary" type="submit">
          Undo
        </button>
      </form>
    </div>
  )
}

/** The card browser: search and filters (a GET form), then the results table inside the bulk form. */
export function CardsPage(props: CardsPageProps) {
  const { query, page } = props
  const deck = props.decks.find((d) => d.slug === query.deck)
  const next = page.nextCursor ? `/cards?${props.search}${props.search ? '&' : ''}cursor=${page.nextCursor}` : null
  return (
    <>
      <h1>Cards</h1>
      {props.action ? <ActionNotice action={props.action} search={props.search} csrfToken={props.csrfToken} /> : null}
      <search class="card cards-search" aria-label="Cards">
        <form method="get" action="/cards">
          <label for="f-q">Search prompts and answers</label>
          <div class="row">
            <input class="grow" id="f-q" type="search" name="q" value={query.q ?? ''} />
            <button type="submit">Search</button>
          </div>
          <div class="cards-filters">
            <Select
              name="deck"
              label="Deck"
              value={query.deck}
              options={[['', 'All decks'], ...props.decks.map((d) => [d.slug, d.title] as const)]}
            />
            {deck ? (
              <Select
                name="topic"
                label="Topic"
                value={query.topic}
                options={[['', 'All topics'], ...deck.topics.map((t) => [t.slug, t.title] as const)]}
              />
            ) : (
              <div>
                <label for="f-topic">Topic</label>
                <input id="f-topic" name="topic" value={query.topic ?? ''} />
              </div>
            )}
            <div>
              <label for="f-tag">Tag</label>
              <input id="f-tag" name="tag" value={query.tag ?? ''} />
            </div>
            <Select
              name="state"
              label="State"
              value={query.state}
              options={[['', 'Any state'], ...browserStates.map((s) => [s, stateLabels[s]] as const)]}
            />
            <Select name="sort" label="Sort by" value={query.sort === 'relevance' ? '' : query.sort} options={sorts} />
            <Select
              name="order"
              label="Order"
              value={query.order}
              options={[
                ['', 'Natural'],
                ['asc', 'Ascending'],
                ['desc', 'Descending'],
              ]}
            />
          </div>
        </form>
      </search>

      <form method="post" action="/cards/actions" class="card" aria-labelledby="results-heading">
        <CsrfField token={props.csrfToken} />
        <input type="hidden" name="back" value={props.search} />
        <h2 id="results-heading">{`${page.total} card${page.total === 1 ? '' : 's'}`}</h2>
        {page.cards.length === 0 ? (
          <p class="muted">No card matches.</p>
        ) : (
          <>
            <fieldset class="row bulk-actions">
              <legend>With the selected cards</legend>
              <button type="submit" name="action" value="suspend">
                Suspend
              </button>
              <button class="secondary" type="submit" name="action" value="unsuspend">
                Unsuspend
              </button>
              <button class="secondary" type="submit" name="action" value="reset">
                Forget (reset)
              </button>
              <span class="row">
                <label class="inline" for="f-due">
                  Due from
                </label>
                <input id="f-due" type="date" name="due" min={props.today} />
                <label class="inline" for="f-due-to">
                  to
                </label>
                <input id="f-due-to" type="date" name="dueTo" min={props.today} />
                <button class="secondary" type="submit" name="action" value="reschedule">
                  Reschedule
                </button>
              </span>
            </fieldset>
            <div class="table-scroll">
              <table class="cards-table">
                <caption class="visually-hidden">Cards matching the search; select some for the actions above</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <span class="visually-hidden">Select</span>
                    </th>
                    <th scope="col">Prompt</th>
                    <th scope="col">Deck · topic</th>
                    <th scope="col">State</th>
                    <th scope="col">Due</th>
                    <th scope="col" class="num">
                      Lapses
                    </th>
                    <th scope="col" class="num">
                      Difficulty
                    </th>
                    <th scope="col" class="num">
                      Recall now
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.cards.map((card) => (
                    <tr>
                      <td>
                        <input
                          type="checkbox"
                          name="ids"
                          value={card.id}
                          id={`pick-${card.id}`}
                          aria-label={`Select: ${card.prompt.slice(0, 80)}`}
                        />
                      </td>
                      <th scope="row">
                        <a href={`/cards/${encodeURIComponent(card.id)}`}>{card.prompt}</a>
                      </th>
                      <td>{`${card.deck} · ${card.topic}`}</td>
                      <td>{flags(card)}</td>
                      <td>{day(card.due, props.timeZone)}</td>
                      <td class="num">{card.lapses}</td>
                      <td class="num">{card.difficulty === null ? '–' : card.difficulty.toFixed(1)}</td>
                      <td class="num">{percent(card.retrievability)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {next ? (
          <p>
            <a href={next} rel="next">
              Next page
            </a>
          </p>
        ) : null}
      </form>
    </>
  )
}
