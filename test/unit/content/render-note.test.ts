import { describe, expect, it } from 'vitest'
import { compileDeck } from '../../../src/content/compile-deck'

const note = `---
deck: d
topic: t
title: T
---

# Title

## Storage drivers

- **overlay2**: the default storage driver <!-- card: 0123456789ab -->

[bad](javascript:alert(1)) <script>alert(1)</script>

## Storage drivers
`

describe('the rendered note', () => {
  it('gives each heading the anchor its cards link to, and drops raw HTML and javascript: links', () => {
    const deck = compileDeck({ slug: 'd', title: 'D', strict: true, files: [{ file: 't.md', text: note }] })
    const topic = deck.topics[0]!
    const card = deck.cards.find((c) => c.prompt.includes('overlay2'))!
    expect(topic.html).toContain(`<h2 id="${card.source.anchor}">Storage drivers</h2>`)
    expect(topic.html).toContain('<h2 id="storage-drivers-1">')
    expect(topic.html).not.toContain('<script')
    expect(topic.html).not.toContain('javascript:')
    expect(topic.html).not.toContain('card: 0123')
  })
})
