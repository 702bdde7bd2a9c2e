import { beforeAll, describe, expect, it } from 'vitest'
import type { Progress } from '../../src/domain/progress'
import { basicModel, buildPackage } from '../helpers/anki-package'
import { type Browser, createTestApp, signUp } from '../helpers/app'
import { createDeck } from '../helpers/own-deck'
import { importFiles } from '../helpers/upload'

/**
 * An Anki history imported on 2026-01-15 12:00 UTC (the test clock; the user's day is UTC):
 * card 1 learnt on 01-01, passed a review on 01-05 and failed a second one later that day (not
 * the day's first: not counted, as for answers made here); card 2's log starts with a failed
 * review on 01-12 (its earlier history was not exported: the first known answer counts).
 */
const at = (day: number, hour = 9) => Date.UTC(2026, 0, day, hour)
const history = buildPackage({
  crt: Date.UTC(2025, 0, 1) / 1000,
  models: [basicModel],
  decks: { 1: 'Default' },
  notes: [
    { id: 1, guid: 'one', mid: 1001, fields: ['What does docker ps list?', 'Running containers'] },
    { id: 2, guid: 'two', mid: 1001, fields: ['What does docker images list?', 'Local images'] },
  ],
  cards: [
    { id: 11, nid: 1, did: 1, ord: 0, type: 2, queue: 2, due: 380, ivl: 3, factor: 2500, reps: 3, lapses: 1 },
    { id: 21, nid: 2, did: 1, ord: 0, type: 3, queue: 1, due: 379, ivl: 1, factor: 2300, reps: 5, lapses: 2 },
  ],
  revlog: [
    { id: at(1), cid: 11, ease: 3, ivl: 1, lastIvl: -600, type: 0 },
    { id: at(5), cid: 11, ease: 3, ivl: 4, lastIvl: 1, type: 1 },
    { id: at(5, 15), cid: 11, ease: 1, ivl: -600, lastIvl: 4, type: 1 },
    { id: at(12), cid: 21, ease: 1, ivl: -600, lastIvl: 8, type: 1 },
  ],
})

async function progress(browser: Browser): Promise<Progress> {
  const res = await browser.request('/api/v1/progress')
  expect(res.status).toBe(200)
  return (await res.json()) as Progress
}

describe('review history imported with a deck on the progress page', () => {
  let ada: Browser
  let before: Progress
  let after: Progress

  beforeAll(async () => {
    const t = await createTestApp()
    ada = (await signUp(t.app, 'Ada')).browser
    const slug = await createDeck(ada, { name: 'From Anki' })
    before = await progress(ada)
    const res = await importFiles(ada, slug, [{ name: 'anki.apkg', content: await history }])
    expect(res.status, await res.clone().text()).toBe(200)
    after = await progress(ada)
  })

  it('counts imported review answers in true retention, first answer of a card per day only', () => {
    expect(before.retention.last30).toMatchObject({ passed: 0, failed: 0 })
    expect(after.retention.last7).toMatchObject({ from: '2026-01-09', passed: 0, failed: 1 })
    expect(after.retention.last30).toMatchObject({ passed: 1, failed: 1, rate: 0.5 })
  })

  it('shows the imported answers on their days in the calendar', () => {
    const day = (date: string) => after.calendar.find((d) => d.date === date)?.reviews
    expect([day('2026-01-01'), day('2026-01-05'), day('2026-01-12'), day('2026-01-13')]).toEqual([1, 2, 1, 0])
  })

  it('leaves the daily quota to answers made here: an import is no study today', () => {
    expect(after.today).toMatchObject({ reviewed: 0, again: 0 })
  })

  it('shows the imported retention on the progress page', async () => {
    const page = await (await ada.request('/progress')).text()
    expect(page).toMatch(/Retention, 30 days<\/h2><span class="figure">50.0%/)
  })
})
