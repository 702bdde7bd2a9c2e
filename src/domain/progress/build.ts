import { addStudyDays, dailyQuota, State, type StudySettings, studyDayOf } from '../scheduling'
import { type DayActivity, foldActivity, markOverdue, overdueDays } from './activity'
import {
  type CardCounts,
  type CardGroup,
  countCards,
  type DueBucket,
  forecast,
  type TopicProgress,
  type TopicTotal,
  topicProgress,
} from './cards'
import { type DayGrid, dayAt, dayGrid, dayIndexOf } from './days'
import { type RetentionWindow, retentionWindow, weeklyRetention } from './retention'
import { type Streak, streakOf } from './streak'

export const calendarDays = 365
export const forecastDays = 30
export const retentionWeeks = 52

export interface ProgressInput {
  now: number
  settings: Pick<StudySettings, 'desiredRetention' | 'newCardsPerDay' | 'maxReviewsPerDay'>
  grid: DayGrid
  /** Answers per study day, for the days up to today. */
  activity: readonly DayActivity[]
  cards: readonly CardGroup[]
  /** Seen cards not suspended, by due time up to the end of the forecast. */
  due: readonly DueBucket[]
  topics: readonly TopicTotal[]
  /** Predicted recall now of a card (ts-fsrs retrievability), injected. */
  recall: (stability: number, lastReview: number) => number
}

/**
 * `today.dueLeft` is what the review queue still has today (learning cards, then reviews up to
 * the daily limit); the `reviewed` streak counts days with an answer, `allDueDone` days that
 * ended with no card due left undone (counted from the first day studied).
 */
export interface Progress {
  today: {
    date: string
    reviewed: number
    again: number
    timeMs: number
    dueLeft: number
    newLeft: number
    /** Cards due by the end of today, past the daily review limit too: what `allDueDone` waits for. */
    dueToday: number
  }
  streak: { reviewed: Streak; allDueDone: Streak }
  cards: CardCounts
  retention: { last7: RetentionWindow; last30: RetentionWindow; last365: RetentionWindow; weekly: RetentionWindow[] }
  forecast: { date: string; due: number }[]
  topics: TopicProgress[]
  calendar: { date: string; reviews: number }[]
  desiredRetention: number
}

/** The days the summary needs: the calendar year (or all history, if longer) and the forecast. */
export function progressGrid(
  now: number,
  firstReview: number | null,
  settings: Pick<StudySettings, 'timezone' | 'dayStartsAt'>,
): DayGrid {
  const { timezone, dayStartsAt } = settings
  const today = studyDayOf(now, timezone, dayStartsAt)
  const yearAgo = addStudyDays(today, 1 - calendarDays)
  const firstDay = firstReview === null ? yearAgo : studyDayOf(firstReview, timezone, dayStartsAt)
  const from = firstDay.localeCompare(yearAgo) < 0 ? firstDay : yearAgo
  return dayGrid(from, addStudyDays(today, forecastDays - 1), timezone, dayStartsAt)
}

/** Every figure of the progress page from the answers per day and the card states. */
export function buildProgress(input: ProgressInput): Progress {
  const { grid, now, cards, settings } = input
  const today = dayIndexOf(grid, now)
  const todayEnd = grid.starts[today + 1] ?? now
  const daily = foldActivity(grid, input.activity)
  const todayStart = grid.starts[today] ?? now
  let learningDue = 0
  let reviewsDue = 0
  for (const b of input.due) {
    if (b.bucket < todayStart) markOverdue(grid, daily.overdueMarks, b.bucket, now)
    if (b.buried || b.bucket >= todayEnd) continue
    if (b.state === State.Review) reviewsDue += b.count
    else learningDue += b.count
  }
  const buriedNew = cards.reduce((n, g) => (g.state === State.New && g.buried && !g.suspended ? n + g.count : n), 0)
  const overdue = overdueDays(daily.overdueMarks)
  const counts = countCards(cards, input.topics)
  const quota = dailyQuota(
    settings,
    { reviews: daily.reviewAnswers[today] ?? 0, newCards: daily.introduced[today] ?? 0 },
    reviewsDue,
  )
  const firstStudy = daily.reviews.findIndex((n) => n > 0)
  const caughtUpToday = learningDue + reviewsDue === 0
  const { passed, failed } = daily
  return {
    today: {
      date: dayAt(grid, today),
      reviewed: daily.reviews[today] ?? 0,
      again: daily.again[today] ?? 0,
      timeMs: daily.timeMs[today] ?? 0,
      dueLeft: learningDue + quota.review,
      newLeft: Math.min(quota.new, counts.new - buriedNew),
      dueToday: learningDue + reviewsDue,
    },
    streak: {
      reviewed: streakOf((d) => (daily.reviews[d] ?? 0) > 0, firstStudy, today),
      allDueDone: streakOf((d) => (d < today ? !overdue[d] : caughtUpToday), firstStudy, today),
    },
    cards: counts,
    retention: {
      last7: retentionWindow(grid, passed, failed, today, 7),
      last30: retentionWindow(grid, passed, failed, today, 30),
      last365: retentionWindow(grid, passed, failed, today, 365),
      weekly: weeklyRetention(grid, passed, failed, today, retentionWeeks),
    },
    forecast: forecast(grid, input.due, today, forecastDays),
    topics: topicProgress(cards, input.topics, input.recall),
    calendar: Array.from({ length: calendarDays }, (_, i) => {
      const day = today - calendarDays + 1 + i
      return { date: dayAt(grid, day), reviews: daily.reviews[day] ?? 0 }
    }),
    desiredRetention: settings.desiredRetention,
  }
}
