import { describe, expect, it } from 'vitest'
import { createScheduler } from './scheduler'
import { defaultSettings, type LearningStep } from './settings'

const MINUTE = 60_000
const DAY = 1440 * MINUTE
const START = Date.parse('2026-01-05T09:00:00Z')

const schedulerWith = (learningSteps: LearningStep[], relearningSteps: LearningStep[] = ['10m']) =>
  createScheduler({ ...defaultSettings(), learningSteps, relearningSteps }, { fuzz: false })

describe('Hard on a learning step, as Anki', () => {
  it('repeats the current step after the first one', () => {
    const scheduler = schedulerWith(['1m', '10m', '1h'])
    const second = scheduler.rate(null, 'good', START).next
    const at = START + 10 * MINUTE
    expect(scheduler.previewIntervals(second, at).hard).toBe(10 * MINUTE)
    const hard = scheduler.rate(second, 'hard', at).next
    expect(hard.due - at).toBe(10 * MINUTE)
    // Still on the second step: Good moves on to the third.
    expect(scheduler.previewIntervals(hard, at + 10 * MINUTE).good).toBe(60 * MINUTE)
  })

  it('waits the average of the first two steps on the first step', () => {
    expect(schedulerWith(['2m', '10m']).previewIntervals(null, START).hard).toBe(6 * MINUTE)
  })

  it('waits one and a half times a lone step, at most a day longer', () => {
    expect(schedulerWith(['10m']).previewIntervals(null, START).hard).toBe(15 * MINUTE)
    expect(schedulerWith(['3d']).previewIntervals(null, START).hard).toBe(4 * DAY)
  })

  it('repeats the current relearning step too', () => {
    const scheduler = schedulerWith(['1m'], ['10m', '1h'])
    let card = scheduler.rate(null, 'easy', START).next
    let at = card.due
    card = scheduler.rate(card, 'again', at).next
    at = card.due
    card = scheduler.rate(card, 'good', at).next
    at = card.due
    expect(scheduler.previewIntervals(card, at).hard).toBe(60 * MINUTE)
  })
})
