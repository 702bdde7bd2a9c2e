export { type CardMemory, fromFsrsCard, newCardState, type ReviewLogFields, toFsrsCard, toFsrsLog } from './card'
export {
  addStudyDays,
  instantOfWallClock,
  nextDayStart,
  type StudyDay,
  startOfStudyDay,
  studyDayOf,
  studyDayStart,
  wallClock,
} from './day'
export { type DailyQuota, type DoneToday, type DueCard, type DueWindow, dailyQuota, isAvailable, isDue } from './due'
export {
  CorruptReviewLogError,
  InvalidCardError,
  InvalidRatingError,
  InvalidTimeZoneError,
  ReviewOutOfOrderError,
  SchedulingError,
  type SchedulingErrorCode,
  UndoMismatchError,
} from './errors'
export { type ExamItem, examQueue, examStartsAt, type RetrievabilityAt } from './exam'
export { formatInterval } from './interval'
export { applyLeech, isLeechLapse, type LeechFields } from './leech'
export {
  isLearning,
  isRatingName,
  Rating,
  type RatingName,
  ratingName,
  ratingNames,
  State,
  type StateName,
  stateName,
  stateNames,
  toRating,
} from './names'
export {
  type NewCardOrder,
  newCardOrders,
  type ReviewOrder,
  reviewOrders,
  SHUFFLE_PRIMES,
  type ShuffleSeed,
  shuffleSeed,
} from './order'
export {
  buildQueue,
  type QueueCandidate,
  type QueueContext,
  type QueueCounts,
  type StudyQueue,
} from './queue'
export { recallAt } from './recall'
export {
  createScheduler,
  fsrsParameters,
  type IntervalPreview,
  type RateResult,
  type Scheduler,
  type SchedulerOptions,
  type SchedulerSettings,
} from './scheduler'
export {
  applySettingsUpdate,
  defaultSettings,
  FSRS_WEIGHT_COUNT,
  isTimeZone,
  isValidWeights,
  type LearningStep,
  parseSettings,
  type StudySettings,
  type StudySettingsUpdate,
  studySettingsSchema,
  studySettingsUpdateSchema,
} from './settings'
export { type BeforeReview, decodeBefore, encodeBefore } from './undo'
export { type SqlWindow, sqlWindow } from './window'
