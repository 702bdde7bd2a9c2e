import { csvLine } from '../../format'
import type { CheckResults } from '../../services/check-results'

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10)

/** A row per member (those who have not submitted too), a column per topic, scores in percent. */
export function resultsCsv(results: CheckResults): string {
  const topics = results.topics.map((t) => t.topic)
  const header = ['name', 'email', 'submitted_at', 'correct', 'total', 'score_percent', ...topics]
  const rows: (string | number | null)[][] = results.members.map((m) => [
    m.name,
    m.email,
    m.submittedAt,
    m.correct,
    m.total,
    percent(m.score),
    ...topics.map((topic) => {
      const t = m.topics.find((x) => x.topic === topic)
      return t && t.total > 0 ? percent(t.correct / t.total) : null
    }),
  ])
  for (const m of results.notSubmitted) rows.push([m.name, m.email, null, null, null, null, ...topics.map(() => null)])
  rows.push(['team average', null, null, null, null, null, ...results.topics.map((t) => percent(t.average))])
  return [header, ...rows].map((row) => csvLine(row)).join('')
}
