import type { CompiledCard } from '../../content/types'

/** A question's stem: the text asked, plain and as HTML. */
export interface Stem {
  prompt: string
  promptHtml: string
}

const separator = ' › '
const whichTerm = /^which term\?\s*/i

/** The inside of a one-paragraph `<p>…</p>`, else undefined (a stem from several blocks stays as is). */
function inlineHtml(html: string): string | undefined {
  const match = /^<p>([\s\S]*)<\/p>$/.exec(html.trim())
  return match && !match[1]?.includes('<p>') ? match[1] : undefined
}

function splitContext(text: string): [string | undefined, string] {
  const at = text.lastIndexOf(separator)
  return at < 0 ? [undefined, text] : [text.slice(0, at), text.slice(at + separator.length)]
}

const capitalise = (text: string) =>
  text.replace(/^(<[^>]+>)*(\p{Ll})/u, (_all, tags = '', ch: string) => `${tags}${ch.toUpperCase()}`)
const withoutStop = (text: string) => text.replace(/[.;:]\s*$/, '')

/**
 * The card's prompt as a question, for quizzes, exams and checks. A flashcard prompt can be a
 * bare "Context › Term" or "Context › which term? definition", which reads as a label, not a
 * question, once it heads a list of options:
 *
 * - "Restart policies › unless-stopped" → "Which description fits unless-stopped (Restart policies)?"
 * - "Mount types › which term? store files only in memory." → "Which term (Mount types) is
 *   described here? Store files only in memory."
 *
 * Other prompts (questions, cloze sentences) are asked as written.
 */
export function questionStem(card: Pick<CompiledCard, 'kind' | 'prompt' | 'promptHtml'>): Stem {
  const html = inlineHtml(card.promptHtml)
  if (html === undefined) return { prompt: card.prompt, promptHtml: card.promptHtml }
  const [context, rest] = splitContext(card.prompt)
  const [contextHtml, restHtml] = splitContext(html)
  const within = (text: string | undefined) => (text ? ` (${text})` : '')
  if (card.kind === 'reverse' && whichTerm.test(rest) && whichTerm.test(restHtml)) {
    const definition = rest.replace(whichTerm, '')
    const definitionHtml = restHtml.replace(whichTerm, '')
    return {
      prompt: `Which term${within(context)} is described here? ${capitalise(definition)}`,
      promptHtml: `<p>Which term${within(contextHtml)} is described here? ${capitalise(definitionHtml)}</p>`,
    }
  }
  if (card.kind === 'basic' && context !== undefined && contextHtml !== undefined && !/\?\s*$/.test(rest)) {
    return {
      prompt: `Which description fits ${withoutStop(rest)}${within(context)}?`,
      promptHtml: `<p>Which description fits ${withoutStop(restHtml)}${within(contextHtml)}?</p>`,
    }
  }
  return { prompt: card.prompt, promptHtml: card.promptHtml }
}
