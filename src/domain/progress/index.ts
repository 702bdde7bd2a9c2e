export { type DailyActivity, type DayActivity, foldActivity, markOverdue, overdueDays } from './activity'
export {
  buildProgress,
  calendarDays,
  forecastDays,
  type Progress,
  type ProgressInput,
  progressGrid,
  retentionWeeks,
} from './build'
export {
  type CardCounts,
  type CardGroup,
  countCards,
  type DueBucket,
  forecast,
  type TopicProgress,
  type TopicTotal,
  topicProgress,
} from './cards'
export { type DayGrid, dayAt, dayCount, dayGrid, dayIndexOf } from './days'
export { type RetentionWindow, retentionWindow, weeklyRetention } from './retention'
export { type Streak, streakOf } from './streak'
