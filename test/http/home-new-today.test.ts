import { describe, expect, it } from 'vitest'
import { createClock, createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

describe('the home page', () => {
  it('says the new cards of the day are shared when each topic row could give the whole limit', async () => {
    const t = await createTestApp({ clock: createClock(Date.UTC(2026, 0, 15, 12)) })
    await seedDeck(t.db, { perTopic: 30 })
    const { browser } = await signUp(t.app)
    const html = await (await browser.request('/')).text()
    expect(html.match(/<td class="num">20<\/td>/g)).toHaveLength(2)
    expect(html).toContain('The 20 new cards left today are shared by all topics')
  })

  it('says nothing of sharing when the topics together cannot reach the limit', async () => {
    const t = await createTestApp({ clock: createClock(Date.UTC(2026, 0, 15, 12)) })
    await seedDeck(t.db, { perTopic: 5 })
    const { browser } = await signUp(t.app)
    const html = await (await browser.request('/')).text()
    expect(html).not.toContain('shared by all topics')
  })
})
