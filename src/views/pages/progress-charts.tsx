import type { Progress } from '../../domain/progress'
import { BarChart } from '../components/chart-bars'
import { ColumnChart } from '../components/chart-columns'
import { ChartFigure, percentText, shortDate } from '../components/chart-figure'
import { CalendarHeatmap } from '../components/chart-heatmap'
import { LineChart } from '../components/chart-line'

const reviewsText = (n: number) => (n === 0 ? 'no reviews' : n === 1 ? '1 review' : `${n} reviews`)
const months = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })

export function CalendarChart(props: { calendar: Progress['calendar'] }) {
  const days = props.calendar
  const total = days.reduce((n, d) => n + d.reviews, 0)
  const studied = days.filter((d) => d.reviews > 0).length
  const busiest = days.reduce((a, b) => (b.reviews > a.reviews ? b : a), days[0] ?? { date: '', reviews: 0 })
  const byMonth = new Map<string, { days: number; reviews: number }>()
  for (const day of days) {
    const month = months.format(new Date(`${day.date}T00:00:00Z`))
    const row = byMonth.get(month) ?? { days: 0, reviews: 0 }
    row.reviews += day.reviews
    if (day.reviews > 0) row.days++
    byMonth.set(month, row)
  }
  const description =
    `${reviewsText(total)} on ${studied} of the last ${days.length} days` +
    (busiest.reviews > 0 ? `; the busiest was ${shortDate(busiest.date)} with ${reviewsText(busiest.reviews)}.` : '.')
  return (
    <ChartFigure
      id="calendar"
      title="Reviews per day, last 365 days"
      description={description}
      table={{
        head: ['Month', 'Days studied', 'Reviews'],
        rows: [...byMonth].map(([m, r]) => [m, r.days, r.reviews]),
        numeric: [1, 2],
      }}
    >
      <section class="scroll" tabindex={0} aria-label="Reviews per day, scrollable">
        <CalendarHeatmap
          id="calendar"
          title="Reviews per day, last 365 days"
          description={description}
          days={days.map((d) => ({ date: d.date, count: d.reviews }))}
          countText={reviewsText}
        />
      </section>
    </ChartFigure>
  )
}

export function ForecastChart(props: { forecast: Progress['forecast'] }) {
  const days = props.forecast
  const total = days.reduce((n, d) => n + d.due, 0)
  const cards = (n: number) => (n === 1 ? '1 card' : `${n} cards`)
  const description = `${cards(total)} fall due over the next ${days.length} days, ${cards(days[0]?.due ?? 0)} of them today (overdue cards included).`
  return (
    <ChartFigure
      id="forecast"
      title="Cards due, next 30 days"
      description={description}
      note={total === 0 ? 'No data yet: no studied card falls due in the next 30 days.' : undefined}
      table={{ head: ['Day', 'Cards due'], rows: days.map((d) => [shortDate(d.date), d.due]), numeric: [1] }}
    >
      <ColumnChart
        id="forecast"
        title="Cards due, next 30 days"
        description={description}
        columns={days.map((d) => ({
          label: shortDate(d.date),
          value: d.due,
          title: `${shortDate(d.date)}: ${cards(d.due)} due`,
        }))}
      />
    </ChartFigure>
  )
}

export function RetentionChart(props: { retention: Progress['retention']; target: number }) {
  const weeks = props.retention.weekly
  const rates = weeks.flatMap((w) => (w.rate === null ? [] : [w.rate]))
  const min = Math.max(0, Math.floor(Math.min(props.target, ...rates) * 10 - 0.5) / 10)
  const last30 = props.retention.last30.rate
  const description =
    `Share of review cards remembered at their first review of the day, week by week for a year` +
    `${last30 === null ? '' : `; ${percentText(last30, 1)} over the last 30 days`}, against a target of ${percentText(props.target)}.`
  const answered = (w: (typeof weeks)[number]) => `${w.passed} of ${w.passed + w.failed}`
  return (
    <ChartFigure
      id="retention"
      title="True retention per week"
      description={description}
      note={
        rates.length === 0
          ? 'No data yet: retention counts answers to cards past learning (in review), at their first review of the day.'
          : undefined
      }
      table={{
        head: ['Week of', 'Remembered', 'Retention'],
        rows: weeks
          .filter((w) => w.rate !== null)
          .map((w) => [shortDate(w.from), answered(w), percentText(w.rate ?? 0, 1)]),
        numeric: [1, 2],
      }}
    >
      <LineChart
        id="retention"
        title="True retention per week"
        description={description}
        min={min}
        max={1}
        format={(v) => percentText(v)}
        target={{ value: props.target, label: `target ${percentText(props.target)}` }}
        points={weeks.map((w) => ({
          label: shortDate(w.from),
          value: w.rate,
          title: `Week of ${shortDate(w.from)}: ${w.rate === null ? 'no reviews' : `${percentText(w.rate, 1)} (${answered(w)})`}`,
        }))}
      />
    </ChartFigure>
  )
}

/**
 * Recall now of the studied cards only, so each bar says how many cards it covers; the readiness
 * panel's figure differs on purpose (on the exam date, over all cards) and says so.
 */
export function TopicChart(props: { topics: Progress['topics']; target: number }) {
  const recall = (r: number | null) => (r === null ? 'not started' : percentText(r))
  const covers = (t: Progress['topics'][number]) =>
    t.meanRecall === null
      ? `none studied (of ${t.total})`
      : `${recall(t.meanRecall)} of ${t.seen} studied (of ${t.total})`
  const title = 'Recall by topic'
  const description = `Mean predicted recall now of the cards studied at least once, per topic; cards not studied are left out: ${props.topics
    .map((t) => `${t.title} ${covers(t)}`)
    .join('; ')}.`
  return (
    <ChartFigure
      id="topics"
      title={title}
      description={description}
      note="Recall now of the cards you studied at least once; cards not studied are left out (the readiness panel counts them as 0)."
      table={{
        head: ['Topic', 'Studied', 'Cards', 'Mature', 'Recall now of studied'],
        rows: props.topics.map((t) => [t.title, t.seen, t.total, t.mature, recall(t.meanRecall)]),
        numeric: [1, 2, 3, 4],
      }}
    >
      <BarChart
        id="topics"
        title={title}
        description={description}
        target={{ share: props.target, label: `target ${percentText(props.target)}` }}
        rows={props.topics.map((t) => ({
          label: t.title,
          share: t.meanRecall,
          valueText: covers(t),
        }))}
      />
    </ChartFigure>
  )
}
