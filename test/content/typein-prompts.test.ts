import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadDeck } from '../../src/content/load'
import { parseDockerCommand } from '../../src/domain/answer'

const dir = fileURLToPath(new URL('../../content/docker', import.meta.url))

/** What a prompt must say for the answer to be able to contain each flag. */
const flagWords: [string, RegExp][] = [
  ['detach', /\bbackground\b|\bdetached\b/i],
  ['interactive', /\binteractive(ly)?\b/i],
  ['rm', /\bremoved\b|\bthrow-?away\b|--rm\b/i],
]

/**
 * Every part a type-in answer requires is asked for: a learner cannot guess an image, a
 * command or `-d` that the prompt never mentions. Checked on `docker run` and `docker exec`,
 * where the notes' answers carry such parts.
 */
describe('type-in prompts on the shipped deck', () => {
  it('name the image, the command and every run mode that the answer requires', async () => {
    const deck = await loadDeck(dir)
    const missing: string[] = []
    let checked = 0
    for (const card of deck.cards.filter((c) => c.kind === 'typein')) {
      const command = parseDockerCommand(card.answer.split('\n')[0] ?? '')
      if (!command || !['container run', 'container exec'].includes(command.path)) continue
      checked++
      const said = (word: string) =>
        new RegExp(`(^|[^\\w-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`, 'i').test(card.prompt)
      // The image and the command run inside it; the command's own options are its business.
      for (const arg of command.args.slice(0, 2))
        if (!said(arg)) missing.push(`${card.source.file}:${card.source.line} ${arg}`)
      for (const [flag, words] of flagWords)
        if (command.options.includes(flag) && !words.test(card.prompt))
          missing.push(`${card.source.file}:${card.source.line} --${flag}`)
    }
    expect(checked).toBeGreaterThanOrEqual(20)
    expect(missing).toEqual([])
  })
})
