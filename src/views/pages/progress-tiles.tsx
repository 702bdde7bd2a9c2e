import type { Progress } from '../../domain/progress'
import { percentText } from '../components/chart-figure'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000)
  return m < 1 && ms > 0 ? 'under a minute' : plural(m, 'minute')
}

/** The second streak in words: today only counts once every card due today is done. */
function allDueDoneText(progress: Progress): string {
  const { current } = progress.streak.allDueDone
  const left = progress.today.dueToday
  if (left === 0) return `Every due card done: ${plural(current, 'day')} in a row, today included`
  if (current === 0) return `Every due card done: not yet today (${left} still due)`
  return `Every due card done: ${plural(current, 'day')} in a row before today (${left} still due today)`
}

/**
 * The four figures at the top: due today, days studied in a row, retention against the target,
 * cards studied. "Studied" is the readiness panel's word too: answered at least once.
 */
export function ProgressTiles(props: { progress: Progress }) {
  const { today, streak, retention, cards, desiredRetention } = props.progress
  const rate = retention.last30.rate
  const onTarget = rate !== null && rate >= desiredRetention
  return (
    <>
      <ul class="tiles">
        <li class="tile">
          <h2>Due today</h2>
          <span class="figure">{today.dueLeft}</span>
          <p>{`${plural(today.newLeft, 'new card')} left to learn`}</p>
        </li>
        <li class="tile">
          <h2>Days studied in a row</h2>
          <span class="figure">{plural(streak.reviewed.current, 'day')}</span>
          <p>{`Longest ${plural(streak.reviewed.longest, 'day')}`}</p>
          <p>{allDueDoneText(props.progress)}</p>
        </li>
        <li class="tile">
          <h2>Retention, 30 days</h2>
          <span class="figure">{rate === null ? '–' : percentText(rate, 1)}</span>
          <p>
            {rate === null ? (
              `Target ${percentText(desiredRetention)}: no data yet, it counts answers to cards past learning`
            ) : (
              <span class={onTarget ? 'above' : 'below'}>
                {`${onTarget ? 'At or above' : 'Below'} your target of ${percentText(desiredRetention)}`}
              </span>
            )}
          </p>
        </li>
        <li class="tile">
          <h2>Cards studied</h2>
          <span class="figure">{cards.studied}</span>
          <p>{`of ${plural(cards.total, 'card')}; ${cards.learned} past learning, ${cards.mature} mature`}</p>
        </li>
      </ul>
      <p class="today-line">
        {`Today: ${plural(today.reviewed, 'answer')}, ${today.again} again, ${minutes(today.timeMs)} of study.`}
      </p>
    </>
  )
}
