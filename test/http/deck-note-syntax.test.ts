import { describe, expect, it } from 'vitest'
import { syncContent } from '../../src/services/content-sync'
import { createClock, createTestApp, signUp } from '../helpers/app'

describe('the notes page of the shipped Docker deck', () => {
  it('shows each note without the card syntax it was written in', async () => {
    const clock = createClock(Date.UTC(2026, 0, 15, 12))
    const t = await createTestApp({ clock })
    await syncContent(t.db, 'content', clock.now)
    const { browser } = await signUp(t.app)
    const res = await browser.request('/decks/docker/notes/architecture')
    expect(res.status).toBe(200)
    const html = await res.text()
    const prose = html.replace(/<(code|pre)[^>]*>[\s\S]*?<\/\1>/g, '')
    expect(prose).not.toMatch(/\s:::?\s/)
    expect(prose).not.toContain('==')
    expect(prose).not.toContain('{{c')
    expect(html).toContain('Docker Engine uses a client-server architecture')
  })
})
