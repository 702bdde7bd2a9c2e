import { describe, expect, it } from 'vitest'
import { createScheduler } from './scheduler'
import { defaultSettings } from './settings'

const DAY = 86_400_000
const START = Date.parse('2026-01-05T09:00:00Z')

describe('maximum interval', () => {
  it('caps every interval at maximumInterval days, fuzz or not', () => {
    for (const fuzz of [false, true]) {
      const scheduler = createScheduler({ ...defaultSettings(), maximumInterval: 30 }, { fuzz })
      let card = scheduler.rate(null, 'easy', START).next
      for (let i = 0; i < 6; i++) card = scheduler.rate(card, 'easy', card.due).next
      expect(card.scheduledDays, `fuzz ${fuzz}`).toBe(30)
      expect(scheduler.previewIntervals(card, card.due).easy).toBeLessThanOrEqual(30 * DAY)
    }
  })

  it('defaults to 36500 days, as Anki', () => {
    expect(defaultSettings().maximumInterval).toBe(36500)
    expect(createScheduler(defaultSettings()).parameters.maximum_interval).toBe(36500)
  })
})
