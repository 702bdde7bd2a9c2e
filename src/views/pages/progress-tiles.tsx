import type { Progress } from '../../domain/progress'
import { percentText } from '../components/chart-figure'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000)
  return m < 1 && ms > 0 ? 'under a minute' : plural(m, 'minute')
}

/** The four figures at the top: due today, streak, retention against the target, cards learned. */
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
          <h2>Streak</h2>
          <span class="figure">{plural(streak.reviewed.current, 'day')}</span>
          <p>{`Longest ${plural(streak.reviewed.longest, 'day')}`}</p>
          <p>{`All due cards done ${plural(streak.allDueDone.current, 'day')} in a row`}</p>
        </li>
        <li class="tile">
          <h2>Retention, 30 days</h2>
          <span class="figure">{rate === null ? '–' : percentText(rate, 1)}</span>
          <p>
            {rate === null ? (
              `Target ${percentText(desiredRetention)}: no reviews of learned cards yet`
            ) : (
              <span class={onTarget ? 'above' : 'below'}>
                {`${onTarget ? 'At or above' : 'Below'} your target of ${percentText(desiredRetention)}`}
              </span>
            )}
          </p>
        </li>
        <li class="tile">
          <h2>Cards learned</h2>
          <span class="figure">{cards.learned}</span>
          <p>{`of ${cards.total}; ${cards.mature} mature`}</p>
        </li>
      </ul>
      <p class="today-line">
        {`Today: ${plural(today.reviewed, 'answer')}, ${today.again} again, ${minutes(today.timeMs)} of study.`}
      </p>
    </>
  )
}
