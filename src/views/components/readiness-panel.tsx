import type { Readiness } from '../../services/readiness'
import { longDate, percent } from '../pages/exam-format'
import { ScoreTable } from './score-table'

export interface ReadinessPanelProps {
  readiness: Readiness
  /** Heading level of the panel's title; 2 by default. */
  level?: 2 | 3
  /** Where the exam date is set. */
  settingsUrl?: string
}

/**
 * How ready the learner will be on the exam date: predicted recall per topic and overall against
 * the target, and the reviews a day it takes. Pure: takes the readiness as props, does no I/O.
 * Meters carry their value as text too, so colour is never the only cue.
 */
export function ReadinessPanel(props: ReadinessPanelProps) {
  const r = props.readiness
  const settings = props.settingsUrl ?? '/settings#examDate'
  const Heading = props.level === 3 ? 'h3' : 'h2'
  if (r.examDate === null)
    return (
      <section class="card readiness" aria-labelledby="readiness-title">
        <Heading id="readiness-title">Exam readiness</Heading>
        <p>
          Set the date of your exam to see how much you will remember on the day, topic by topic.{' '}
          <a href={settings}>Set your exam date</a>
        </p>
      </section>
    )
  return (
    <section class="card readiness" aria-labelledby="readiness-title">
      <Heading id="readiness-title">Ready for {longDate(r.examDate)}?</Heading>
      <p>
        <strong class={r.ready ? 'ok' : 'error'}>Predicted recall on the exam day {percent(r.recall)}</strong>
        {` of all ${r.cards} cards, those not studied counted as 0 (${r.unseen} of ${r.cards} not studied yet); `}
        target {percent(r.target)}. {r.daysLeft === 1 ? '1 day left' : `${r.daysLeft} days left`}.
      </p>
      {r.hint ? <p class="notice">{r.hint}</p> : null}
      <p>
        {r.ready && r.unseen === 0 && r.belowTarget === 0
          ? 'You are on track: keep up your daily reviews.'
          : `To reach the target: about ${r.reviewsPerDay} reviews a day (${r.unseen} cards not studied yet, ${r.belowTarget} fading below the target).`}
      </p>
      <p>
        <a class="button secondary" href={`/review?deck=${encodeURIComponent(r.deck)}&mode=exam`}>
          Review in exam mode
        </a>{' '}
        <span class="muted">due cards weakest first, by the recall predicted on the exam date</span>
      </p>
      {r.domains.length > 0 ? (
        <ScoreTable
          class="readiness-topics"
          caption="Predicted recall by exam domain on the exam date"
          rowHeader="Exam domain"
          columns={[
            { label: 'Weight', numeric: true },
            { label: 'Predicted recall', numeric: true },
            { label: 'Not studied', numeric: true },
          ]}
          rows={r.domains.map((d) => ({
            title: d.title,
            cells: [`${d.weight}%`, d.cards === 0 ? 'no cards yet' : percent(d.recall), `${d.unseen} of ${d.cards}`],
          }))}
        />
      ) : null}
      <ScoreTable
        class="readiness-topics"
        caption="Predicted recall by topic on the exam date"
        rowHeader="Topic"
        columns={[{ label: 'Predicted recall' }, { label: 'Not studied', numeric: true }]}
        rows={r.topics.map((t) => ({
          title: t.title,
          cells: [
            <span class="meter-row">
              <meter
                aria-label={`${t.title}: ${percent(t.recall)} predicted`}
                min={0}
                max={1}
                low={r.target - 0.2}
                high={r.target}
                optimum={1}
                value={Number(t.recall.toFixed(3))}
              />
              <span class="num">{percent(t.recall)}</span>
            </span>,
            `${t.unseen} of ${t.cards}`,
          ],
        }))}
      />
      <p class="muted">
        Recall is the FSRS prediction for the start of your exam day; cards you have not studied count as not known.{' '}
        <a href={settings}>Change the exam date</a>
      </p>
    </section>
  )
}
