import { describe, expect, it } from 'vitest'
import { compileDeck } from '../../src/content/compile-deck'
import { syncDeck } from '../../src/db/queries/deck-sync'
import { cards } from '../../src/db/schema'
import { createTestDb } from '../helpers/db'

/**
 * Guard whose test could not fail (issue 11): a sync reads the deck's cards and those of its ids
 * kept in another shipped deck (so a card can move between them) and retires only the missing cards of the deck it syncs
 * (`row.deck === deck.slug`). Every other test synced one deck, so removing that guard passed.
 */

const start = Date.UTC(2026, 0, 1)

const compile = (slug: string, lines: string[]) =>
  compileDeck({
    slug,
    title: slug,
    files: [
      { file: 'basics.md', text: `---\ndeck: ${slug}\ntopic: basics\ntitle: Basics\n---\n\n${lines.join('\n\n')}\n` },
    ],
    strict: true,
  })

describe('syncing two shipped decks', () => {
  it('leaves the cards of one deck live when the other deck is synced', async () => {
    const { db, close } = await createTestDb()
    const docker = compile('docker', ['Default runtime? :: runc', 'List running containers? :: docker ps'])
    const compose = compile('compose', ['Start the services? :: docker compose up', 'File name? :: compose.yaml'])
    await syncDeck(db, docker, start)
    expect(await syncDeck(db, compose, start + 1)).toMatchObject({ added: 2, retired: 0 })
    // And again the other way round, one card edited, so the second sync really writes.
    const edited = compile('docker', ['Default runtime? :: runc (OCI)', 'List running containers? :: docker ps'])
    expect(await syncDeck(db, edited, start + 2)).toMatchObject({ updated: 1, retired: 0 })
    const rows = await db.select({ id: cards.id, deck: cards.deck, retiredAt: cards.retiredAt }).from(cards)
    expect(rows.filter((row) => row.retiredAt !== null)).toEqual([])
    expect(rows.map((row) => row.deck).sort()).toEqual(['compose', 'compose', 'docker', 'docker'])
    close()
  })

  it('moves a marked card from one shipped deck to another in place, its id (and so its history) kept', async () => {
    const { db, close } = await createTestDb()
    await syncDeck(
      db,
      compile('compose', ['Start the services? :: docker compose up <!-- card: c0ffee123456 -->']),
      start,
    )
    await syncDeck(db, compile('docker', ['Default runtime? :: runc']), start)
    const moved = compile('docker', [
      'Default runtime? :: runc',
      'Start the services? :: docker compose up <!-- card: c0ffee123456 -->',
    ])
    expect(await syncDeck(db, moved, start + 1)).toMatchObject({ added: 0, updated: 1, unchanged: 1 })
    const rows = await db.select().from(cards)
    expect(rows.find((row) => row.id === 'c0ffee123456')).toMatchObject({ deck: 'docker', retiredAt: null })
    expect(rows).toHaveLength(2)
    close()
  })

  it('retires a card removed from one deck and nothing of the other', async () => {
    const { db, close } = await createTestDb()
    const compose = compile('compose', ['Start the services? :: docker compose up'])
    await syncDeck(db, compose, start)
    await syncDeck(db, compile('docker', ['Default runtime? :: runc', 'List running containers? :: docker ps']), start)
    expect(await syncDeck(db, compile('docker', ['Default runtime? :: runc']), start + 1)).toMatchObject({
      retired: 1,
    })
    const retired = (await db.select().from(cards)).filter((row) => row.retiredAt !== null)
    expect(retired.map((row) => [row.deck, row.answer])).toEqual([['docker', 'docker ps']])
    close()
  })
})
