import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  applySettingsUpdate,
  defaultSettings,
  parseSettings,
  studySettingsSchema,
  studySettingsUpdateSchema,
} from './settings'

const messagesOf = (schema: v.GenericSchema, input: unknown) => {
  const result = v.safeParse(schema, input)
  return result.success ? [] : result.issues.map((issue) => issue.message)
}

describe('study settings', () => {
  it('fills every default from an empty object', () => {
    expect(parseSettings('{}')).toEqual({
      desiredRetention: 0.9,
      newCardsPerDay: 20,
      maxReviewsPerDay: 200,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      timezone: 'UTC',
      dayStartsAt: 4,
      leechThreshold: 8,
      fuzz: true,
      learnAheadMinutes: 20,
      fsrsWeights: null,
      maximumInterval: 36500,
      buryNewSiblings: true,
      buryReviewSiblings: true,
      buryInterdayLearningSiblings: false,
      newCardOrder: 'deck',
      reviewOrder: 'dueDateThenRandom',
    })
    expect(defaultSettings()).toEqual(parseSettings('{}'))
  })

  it('keeps valid stored fields and replaces each invalid one by its default', () => {
    const settings = parseSettings(
      JSON.stringify({
        desiredRetention: 2,
        newCardsPerDay: 5,
        timezone: 'Mars/Olympus_Mons',
        learningSteps: ['30s'],
        dayStartsAt: 6,
        examDate: '2026-02-30',
        somethingOld: true,
      }),
    )
    expect(settings).toEqual({ ...defaultSettings(), newCardsPerDay: 5, dayStartsAt: 6 })
    expect(settings).not.toHaveProperty('examDate')
    expect(settings).not.toHaveProperty('somethingOld')
  })

  it('falls back to the defaults for broken JSON, null and arrays', () => {
    for (const stored of ['{not json', 'null', '[1,2]', '"text"', null, 42]) {
      expect(parseSettings(stored)).toEqual(defaultSettings())
    }
  })

  it('accepts an already parsed object', () => {
    expect(parseSettings({ timezone: 'Asia/Kolkata' }).timezone).toBe('Asia/Kolkata')
  })

  it('names the field in every message for out-of-range values', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ desiredRetention: 0.5 }, 'desiredRetention must be a number from 0.70 to 0.99'],
      [{ desiredRetention: 0.995 }, 'desiredRetention must be a number from 0.70 to 0.99'],
      [{ desiredRetention: '0.9' }, 'desiredRetention must be a number from 0.70 to 0.99'],
      [{ newCardsPerDay: -1 }, 'newCardsPerDay must be a whole number from 0 to 9999'],
      [{ maximumInterval: 36501 }, 'maximumInterval must be a whole number from 1 to 36500'],
      [{ newCardsPerDay: 2.5 }, 'newCardsPerDay must be a whole number from 0 to 9999'],
      [{ maxReviewsPerDay: 0 }, 'maxReviewsPerDay must be a whole number from 1 to 9999'],
      [{ dayStartsAt: 24 }, 'dayStartsAt must be a whole number from 0 to 23'],
      [{ leechThreshold: 100 }, 'leechThreshold must be a whole number from 1 to 99'],
      [{ timezone: 'Mars/Olympus_Mons' }, 'timezone must be an IANA time zone name such as Europe/Berlin'],
      [{ timezone: '' }, 'timezone must be an IANA time zone name such as Europe/Berlin'],
      [{ examDate: '30.06.2026' }, 'examDate must be a real calendar date like 2026-06-30'],
      [{ examDate: '2026-02-30' }, 'examDate must be a real calendar date like 2026-06-30'],
      [{ examDate: 20260630 }, 'examDate must be a date like 2026-06-30'],
      [{ fuzz: 'yes' }, 'fuzz must be true or false'],
      [{ learningSteps: '1m' }, 'learningSteps must be a list of steps like ["1m", "10m"]'],
      [{ learningSteps: ['30s'] }, 'learningSteps steps must look like 1m, 10m, 1h or 1d (minutes, hours or days)'],
      [{ relearningSteps: ['0m'] }, 'relearningSteps steps must look like 1m, 10m, 1h or 1d (minutes, hours or days)'],
      [{ relearningSteps: Array(11).fill('1m') }, 'relearningSteps can have at most 10 steps'],
    ]
    for (const [input, message] of cases) {
      expect(messagesOf(studySettingsSchema, input), JSON.stringify(input)).toEqual([message])
      expect(messagesOf(studySettingsUpdateSchema, input), JSON.stringify(input)).toEqual([message])
    }
  })

  it('rejects an unknown time zone without throwing', () => {
    expect(() => v.safeParse(studySettingsSchema, { timezone: 'Not/AZone' })).not.toThrow()
    expect(v.safeParse(studySettingsSchema, { timezone: 'Not/AZone' }).success).toBe(false)
  })

  it('accepts the edges of every range, day steps and no steps at all', () => {
    const input = {
      desiredRetention: 0.7,
      newCardsPerDay: 0,
      maxReviewsPerDay: 9999,
      learningSteps: [],
      relearningSteps: ['15m', '2h', '1d'],
      timezone: 'Asia/Kolkata',
      dayStartsAt: 0,
      leechThreshold: 1,
      examDate: '2028-02-29',
      fuzz: false,
      learnAheadMinutes: 240,
      maximumInterval: 1,
      buryNewSiblings: false,
      buryReviewSiblings: false,
      buryInterdayLearningSiblings: true,
      newCardOrder: 'random',
      reviewOrder: 'due',
      // The lower end of every FSRS-6 parameter's range.
      fsrsWeights: [
        0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0, 0, 0.001, 0.001, 0.001, 0.001, 0, 0, 1, 0, 0, 0.01, 0.1,
      ],
    }
    expect(v.parse(studySettingsSchema, input)).toEqual(input)
  })

  it('refuses an unknown field in an update, naming it', () => {
    const result = v.safeParse(studySettingsUpdateSchema, { newCardsPerDay: 10, dailyLimit: 3 })
    expect(result.success).toBe(false)
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual(['dailyLimit'])
  })

  it('changes only the fields an update names and clears the exam with null', () => {
    const current = { ...defaultSettings(), examDate: '2026-06-30', newCardsPerDay: 7 }
    const update = v.parse(studySettingsUpdateSchema, { desiredRetention: 0.85, examDate: null })
    expect(applySettingsUpdate(current, update)).toEqual({
      ...defaultSettings(),
      newCardsPerDay: 7,
      desiredRetention: 0.85,
    })
    const noChange = v.parse(studySettingsUpdateSchema, {})
    expect(applySettingsUpdate(current, noChange)).toEqual(current)
  })
})
