import { CLAMP_PARAMETERS, W17_W18_Ceiling } from 'ts-fsrs'
import * as v from 'valibot'
import { newCardOrders, reviewOrders } from './order'

/**
 * A (re)learning step as ts-fsrs reads it. ts-fsrs 5.4.2 knows only minutes, hours and days:
 * `ConvertStepUnitToMinutes` throws on `30s`, so seconds are refused here rather than at review.
 */
export type LearningStep = `${number}${'m' | 'h' | 'd'}`

const STEP = /^[1-9]\d{0,5}[mhd]$/

/** Answers per zone name, cached: settings are parsed on every request and Intl is slow to build. */
const knownZones = new Map<string, boolean>()

export function isTimeZone(name: string): boolean {
  let known = knownZones.get(name)
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name })
      known = name !== ''
    } catch {
      known = false
    }
    if (knownZones.size < 1000) knownZones.set(name, known)
  }
  return known
}

/** `YYYY-MM-DD` naming a real calendar day, so `2025-02-30` is refused too. */
function isCalendarDate(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  const date = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day
}

const wholeNumber = (field: string, min: number, max: number) => {
  const message = `${field} must be a whole number from ${min} to ${max}`
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message))
}

const retentionMessage = 'desiredRetention must be a number from 0.70 to 0.99'

const steps = (field: string) =>
  v.pipe(
    v.array(
      v.custom<LearningStep>(
        (s) => typeof s === 'string' && STEP.test(s),
        `${field} steps must look like 1m, 10m, 1h or 1d (minutes, hours or days)`,
      ),
      `${field} must be a list of steps like ["1m", "10m"]`,
    ),
    v.maxLength(10, `${field} can have at most 10 steps`),
  )

/** FSRS-6 has 21 parameters; each must stay inside the range ts-fsrs clamps it to. */
export const FSRS_WEIGHT_COUNT = 21
const weightBounds = CLAMP_PARAMETERS(W17_W18_Ceiling, true) as [number, number][]
const weightsMessage = `fsrsWeights must be a list of ${FSRS_WEIGHT_COUNT} numbers (FSRS-6 parameters), or null for the defaults`

const fsrsWeights = v.pipe(
  v.array(v.number(weightsMessage), weightsMessage),
  v.length(FSRS_WEIGHT_COUNT, weightsMessage),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    dataset.value.forEach((weight, i) => {
      const [low, high] = weightBounds[i] ?? [0, 0]
      if (!(weight >= low && weight <= high)) addIssue({ message: `fsrsWeights[${i}] must be from ${low} to ${high}` })
    })
  }),
)

/** True when `weights` would pass the settings schema (an optimizer's output is checked with it too). */
export function isValidWeights(weights: readonly number[]): boolean {
  return v.is(fsrsWeights, [...weights])
}

/** One schema per setting, without defaults: shared by the full schema and the update schema. */
const fields = {
  desiredRetention: v.pipe(
    v.number(retentionMessage),
    v.minValue(0.7, retentionMessage),
    v.maxValue(0.99, retentionMessage),
  ),
  newCardsPerDay: wholeNumber('newCardsPerDay', 0, 9999),
  maxReviewsPerDay: wholeNumber('maxReviewsPerDay', 1, 9999),
  learningSteps: steps('learningSteps'),
  relearningSteps: steps('relearningSteps'),
  timezone: v.pipe(
    v.string('timezone must be an IANA time zone name such as Europe/Berlin'),
    v.check(isTimeZone, 'timezone must be an IANA time zone name such as Europe/Berlin'),
  ),
  dayStartsAt: wholeNumber('dayStartsAt', 0, 23),
  leechThreshold: wholeNumber('leechThreshold', 1, 99),
  examDate: v.pipe(
    v.string('examDate must be a date like 2026-06-30'),
    v.check(isCalendarDate, 'examDate must be a real calendar date like 2026-06-30'),
  ),
  fuzz: v.boolean('fuzz must be true or false'),
  learnAheadMinutes: wholeNumber('learnAheadMinutes', 0, 240),
  fsrsWeights,
  maximumInterval: wholeNumber('maximumInterval', 1, 36500),
  buryNewSiblings: v.boolean('buryNewSiblings must be true or false'),
  buryReviewSiblings: v.boolean('buryReviewSiblings must be true or false'),
  buryInterdayLearningSiblings: v.boolean('buryInterdayLearningSiblings must be true or false'),
  newCardOrder: v.picklist(newCardOrders, 'newCardOrder must be "deck" or "random"'),
  reviewOrder: v.picklist(reviewOrders, 'reviewOrder must be "dueDateThenRandom" or "due"'),
}

const defaults = {
  desiredRetention: 0.9,
  newCardsPerDay: 20,
  maxReviewsPerDay: 200,
  learningSteps: ['1m', '10m'] as LearningStep[],
  relearningSteps: ['10m'] as LearningStep[],
  timezone: 'UTC',
  dayStartsAt: 4,
  leechThreshold: 8,
  fuzz: true,
  /** Anki's default learn-ahead limit. */
  learnAheadMinutes: 20,
  /** Longest interval in days: Anki's default, 100 years. */
  maximumInterval: 36500,
  /** Anki's three "bury siblings" options and their defaults (new and review on). */
  buryNewSiblings: true,
  buryReviewSiblings: true,
  buryInterdayLearningSiblings: false,
  /** Anki's defaults: new cards in the deck's order, reviews by due date then random. */
  newCardOrder: 'deck' as const,
  reviewOrder: 'dueDateThenRandom' as const,
}

/** Full settings: every missing field takes its default; an invalid field is an error. */
export const studySettingsSchema = v.object({
  desiredRetention: v.optional(fields.desiredRetention, defaults.desiredRetention),
  newCardsPerDay: v.optional(fields.newCardsPerDay, defaults.newCardsPerDay),
  maxReviewsPerDay: v.optional(fields.maxReviewsPerDay, defaults.maxReviewsPerDay),
  learningSteps: v.optional(fields.learningSteps, () => [...defaults.learningSteps]),
  relearningSteps: v.optional(fields.relearningSteps, () => [...defaults.relearningSteps]),
  timezone: v.optional(fields.timezone, defaults.timezone),
  dayStartsAt: v.optional(fields.dayStartsAt, defaults.dayStartsAt),
  leechThreshold: v.optional(fields.leechThreshold, defaults.leechThreshold),
  examDate: v.optional(fields.examDate),
  fuzz: v.optional(fields.fuzz, defaults.fuzz),
  learnAheadMinutes: v.optional(fields.learnAheadMinutes, defaults.learnAheadMinutes),
  /** Personal FSRS parameters fitted from the user's history; null: FSRS-6's defaults. */
  fsrsWeights: v.optional(v.nullable(fields.fsrsWeights), null),
  maximumInterval: v.optional(fields.maximumInterval, defaults.maximumInterval),
  buryNewSiblings: v.optional(fields.buryNewSiblings, defaults.buryNewSiblings),
  buryReviewSiblings: v.optional(fields.buryReviewSiblings, defaults.buryReviewSiblings),
  buryInterdayLearningSiblings: v.optional(fields.buryInterdayLearningSiblings, defaults.buryInterdayLearningSiblings),
  newCardOrder: v.optional(fields.newCardOrder, defaults.newCardOrder),
  reviewOrder: v.optional(fields.reviewOrder, defaults.reviewOrder),
})

export type StudySettings = v.InferOutput<typeof studySettingsSchema>

/** Body of a settings PUT: only the fields to change; `examDate: null` clears the exam, `fsrsWeights: null` restores the defaults. */
export const studySettingsUpdateSchema = v.strictObject(
  {
    desiredRetention: v.optional(fields.desiredRetention),
    newCardsPerDay: v.optional(fields.newCardsPerDay),
    maxReviewsPerDay: v.optional(fields.maxReviewsPerDay),
    learningSteps: v.optional(fields.learningSteps),
    relearningSteps: v.optional(fields.relearningSteps),
    timezone: v.optional(fields.timezone),
    dayStartsAt: v.optional(fields.dayStartsAt),
    leechThreshold: v.optional(fields.leechThreshold),
    examDate: v.optional(v.nullable(fields.examDate)),
    fuzz: v.optional(fields.fuzz),
    learnAheadMinutes: v.optional(fields.learnAheadMinutes),
    fsrsWeights: v.optional(v.nullable(fields.fsrsWeights)),
    maximumInterval: v.optional(fields.maximumInterval),
    buryNewSiblings: v.optional(fields.buryNewSiblings),
    buryReviewSiblings: v.optional(fields.buryReviewSiblings),
    buryInterdayLearningSiblings: v.optional(fields.buryInterdayLearningSiblings),
    newCardOrder: v.optional(fields.newCardOrder),
    reviewOrder: v.optional(fields.reviewOrder),
  },
  'settings has no such field',
)

export type StudySettingsUpdate = v.InferOutput<typeof studySettingsUpdateSchema>

export function defaultSettings(): StudySettings {
  return v.parse(studySettingsSchema, {})
}

/**
 * Reads `users.settings` (a JSON string, or an already parsed value) into full settings.
 * Never throws: broken JSON, a non-object or a bad field yields the defaults for what is broken,
 * so a setting saved under older rules cannot lock a user out of studying.
 */
export function parseSettings(json: unknown): StudySettings {
  let raw: unknown = json
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json)
    } catch {
      raw = {}
    }
  }
  const stored = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>
  const kept: Record<string, unknown> = {}
  for (const [key, schema] of Object.entries(studySettingsSchema.entries)) {
    const field = v.safeParse(schema, stored[key])
    if (field.success && field.output !== undefined) kept[key] = field.output
  }
  return v.parse(studySettingsSchema, kept)
}

/** Applies a validated PUT body to the current settings. */
export function applySettingsUpdate(current: StudySettings, update: StudySettingsUpdate): StudySettings {
  const { examDate, ...rest } = update
  const next: StudySettings = { ...current }
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) Object.assign(next, { [key]: value })
  }
  if (examDate === null) delete next.examDate
  else if (examDate !== undefined) next.examDate = examDate
  return next
}
