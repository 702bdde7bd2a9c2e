import { eq } from 'drizzle-orm'
import type { Db } from '../../src/db/index'
import { cards } from '../../src/db/schema'
import { terms } from '../../src/domain/exam/fixtures'
import { seedDeck } from './cards'

/**
 * `seedDeck` with answers distinct enough to make multiple-choice distractors: Docker terms,
 * and a command for the one type-in card (`docker-cli-000`). Returns the card ids.
 */
export async function seedCheckDeck(db: Db): Promise<string[]> {
  const ids = await seedDeck(db)
  for (const [i, id] of ids.entries()) {
    const answer = id === 'docker-cli-000' ? 'docker run -d nginx' : (terms[i] ?? `term ${i}`)
    await db
      .update(cards)
      .set({ answer, answerHtml: `<p>${answer}</p>` })
      .where(eq(cards.id, id))
  }
  return ids
}
