import type { Code, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { fenceLanguage } from '../annotations'
import { type Block, type CardDraft, lineOf, newBlock, type RuleContext, type Scope } from '../draft'
import { splitPhrasing, takeTags, textNode, trimPhrasing } from '../phrasing'
import { lastSentence, normalize, plainText, wordCount } from '../text'

/** `→`, `⟶` or `->` (not `-->` or `<->`). */
const arrow = /\s*(?:→|⟶|(?<![-<])->(?!>))\s*/
const maxStepWords = 10

/** The steps of a one-line chain `A → B → C` (3+ steps), or undefined. */
export function chainSteps(nodes: readonly PhrasingContent[]): PhrasingContent[][] | undefined {
  if (nodes.some((node) => node.type === 'break' || (node.type === 'text' && node.value.includes('\n'))))
    return undefined
  const { parts } = splitPhrasing(nodes, arrow)
  if (parts.length < 3) return undefined
  const steps = parts.map((part) => trimPhrasing(part))
  const fine = steps.every((step) => {
    const words = wordCount(plainText(step))
    return words > 0 && words <= maxStepWords
  })
  return fine ? steps : undefined
}

/**
 * A paragraph (or list item) that is a chain on its own: one `sequence` card, labelled by the
 * paragraph introducing it ("The status values a container goes through:") or the context.
 */
export function chainCards(
  paragraph: Paragraph,
  previous: RootContent | undefined,
  scope: Scope,
  ctx: RuleContext,
): boolean {
  const { nodes, tags } = takeTags(paragraph.children)
  const steps = chainSteps(nodes)
  if (!steps) return false
  const line = lineOf(paragraph)
  const block = newBlock(scope.section, line, ['sequence', ...scope.parentTerms, sortedSteps(steps)])
  for (const draft of sequenceDrafts(block, steps, introLabel(previous) ?? scope.context, tags, line)) ctx.emit(draft)
  ctx.cardParagraphs.add(paragraph)
  return true
}

/**
 * A fenced block without language holding one chain: `A -> B -> C` on a line, or a vertical
 * diagram of names joined by `|` and `v` lines. A `(label)` line between two names is kept in
 * the answer after the step it leaves from.
 */
export function diagramCards(code: Code, previous: RootContent | undefined, scope: Scope, ctx: RuleContext): boolean {
  if (fenceLanguage(code.lang, code.meta) !== '') return false
  const lines = code.value.split('\n').filter((line) => line.trim() !== '')
  const steps = lines.length === 1 ? chainSteps([textNode(lines[0] ?? '')]) : verticalSteps(lines)
  if (!steps) return false
  const line = lineOf(code)
  const block = newBlock(scope.section, line, ['sequence', ...scope.parentTerms, sortedSteps(steps)], 'fence-info')
  for (const draft of sequenceDrafts(block, steps, introLabel(previous) ?? scope.context, [], line)) ctx.emit(draft)
  return true
}

/** The last sentence of an introducing paragraph (ending in `:`), without "in order". */
function introLabel(previous: RootContent | undefined): PhrasingContent[] | undefined {
  if (previous?.type !== 'paragraph' || !plainText(previous).endsWith(':')) return undefined
  const label = lastSentence(plainText(previous))
    .replace(/\s*:$/, '')
    .replace(/,?\s+in (?:this )?order$/i, '')
  if (label === '' || wordCount(label) > 16 || /^(?:sure|here|this|the following|below)\b/i.test(label))
    return undefined
  return [textNode(label)]
}

function verticalSteps(lines: string[]): PhrasingContent[][] | undefined {
  const steps: PhrasingContent[][] = []
  let linked = false
  let pointed = false
  for (const raw of lines) {
    const line = raw.trim()
    if (/^[|│vV↓▼]$/.test(line)) {
      linked = true
      pointed ||= /[vV↓▼]/.test(line)
    } else if (/^\(.*\)$/.test(line) && linked) {
      steps[steps.length - 1]?.push(textNode(` ${line}`))
    } else {
      if (steps.length > 0 && !(linked && pointed)) return undefined
      if (wordCount(line) > maxStepWords) return undefined
      steps.push([textNode(line)])
      linked = false
      pointed = false
    }
  }
  return steps.length >= 3 ? steps : undefined
}

/** "Put in order (label): c, a, b" → "a → b → c"; the prompt lists the steps scrambled. */
export function sequenceDrafts(
  block: Block,
  steps: PhrasingContent[][],
  label: PhrasingContent[],
  tags: string[],
  line: number,
): CardDraft[] {
  const names = steps.map((step) => stepName(step))
  const prompt: PhrasingContent[] = [textNode('Put in order ('), ...label, textNode('): ')]
  scramble(names.length, names).forEach((index, position) => {
    if (position > 0) prompt.push(textNode(', '))
    prompt.push(...(names[index] ?? []))
  })
  const answer: PhrasingContent[] = []
  steps.forEach((step, index) => {
    if (index > 0) answer.push(textNode(' → '))
    answer.push(...step)
  })
  return [{ block, kind: 'sequence', suffix: '', prompt, answer, tags, line }]
}

/** A step without its `(label)` note, for the prompt. */
function stepName(step: PhrasingContent[]): PhrasingContent[] {
  const last = step[step.length - 1]
  if (step.length > 1 && last?.type === 'text' && /^\s*\(.*\)$/.test(last.value)) return step.slice(0, -1)
  return step
}

function sortedSteps(steps: PhrasingContent[][]): string {
  return steps
    .map((step) => normalize(plainText(stepName(step))))
    .sort()
    .join(' | ')
}

/** A fixed scrambled order (by a string hash), never the answer's own order. */
function scramble(count: number, names: PhrasingContent[][]): number[] {
  const keys = names.map((name) => fnv1a(normalize(plainText(name))))
  const order = [...Array(count).keys()].sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b)
  return order.every((index, position) => index === position) ? order.reverse() : order
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}
