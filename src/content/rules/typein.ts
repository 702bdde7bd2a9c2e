import type { Code, InlineCode, RootContent } from 'mdast'
import { fenceLanguage, hasMarker } from '../annotations'
import { asksForTask, pointsAtExample, startsWithConnective } from '../boilerplate'
import { type Fragment, lineOf, newBlock, type RuleContext, type Scope } from '../draft'
import { dropTrailingColon, lastSentenceNodes, takeTags, trimPhrasing } from '../phrasing'
import { plainText, wordCount } from '../text'
import { unaskedParts } from '../typein-parts'

const shells = new Set(['sh', 'bash', 'shell', 'console'])

/**
 * `typein`: a fenced shell block of one command right after a paragraph explaining it. The
 * prompt is the paragraph's last sentence (the one that introduces the command), the answer
 * the command without a leading `$ `. An explanation under 3 words ("For example:") is none.
 */
export function typeinCards(code: Code, previous: RootContent | undefined, scope: Scope, ctx: RuleContext): boolean {
  if (!shells.has(fenceLanguage(code.lang, code.meta)) || previous?.type !== 'paragraph') return false
  const command = oneCommand(code.value)
  if (!command) return false
  const alternatives = acceptedAlternatives(code.value)
  const { nodes, tags } = takeTags(previous.children)
  const whole = trimPhrasing(nodes)
  let prompt = dropTrailingColon(lastSentenceNodes(whole))
  if (wordCount(plainText(prompt)) < 3) prompt = dropTrailingColon(whole)
  if (wordCount(plainText(prompt)) < 3) return false
  // "For example, the following creates …" leans on the sentence before: not a question.
  // "This means processes … can run on cpu 1" explains the command above it; a prompt of over
  // 40 words is a paragraph of output notes, not a task.
  const promptText = plainText(prompt)
  if (startsWithConnective(promptText) || /^(?:this|that|it|we)\b/i.test(promptText) || wordCount(promptText) > 40)
    return false
  // "Each of the subnetworks has 126 usable addresses." describes what the command did; "…
  // connect instead, as in" asks for one example of many. Neither asks for this command.
  // A fence pinned by an id marker (an Anki type-in note imported, a deck exported as Markdown)
  // is a card someone already has, with its history: guessing from its wording whether it asks
  // for a command would drop that card and its reviews on the next compile.
  const pinned = hasMarker(code.meta)
  if (!pinned && (!asksForTask(promptText) || pointsAtExample(promptText))) return false
  if (!pinned && (!isTypeable(command) || unaskedParts(promptText, command).length > 0)) return false
  const line = lineOf(code)
  const block = newBlock(scope.section, line, ['typein', plainText(prompt)], 'fence-info')
  const answer: InlineCode = { type: 'inlineCode', value: command }
  // Alternatives make one paragraph each, so the answer's plain text has one command per line:
  // the comparer accepts any line (`compareAnswer` with `command`).
  const answerFragment: Fragment =
    alternatives.length === 0
      ? [answer]
      : [command, ...alternatives].map((value) => ({ type: 'paragraph', children: [{ type: 'inlineCode', value }] }))
  ctx.emit({ block, kind: 'typein', suffix: '', prompt, answer: answerFragment, tags, line: lineOf(previous) })
  // The explanation belongs to the command: it is not also a heading's definition.
  ctx.cardParagraphs.add(previous)
  return true
}

/**
 * Whether a command is one a learner can type as written: not a synopsis with placeholders
 * (`docker run [OPTIONS] IMAGE`, `source=<VOLUME_NAME>`, a trailing `...`) and not output or
 * prose ("A volume named "hello" already exists …"), which starts with a capital word.
 */
export function isTypeable(command: string): boolean {
  if (/\[[A-Z][A-Z_:|@.]*\]|<[A-Za-z][\w-]*>|\.\.\.|…/.test(command)) return false
  return /^(?:[a-z./~$"'(]|[A-Z_][A-Z0-9_]*=)/.test(command) && !/[a-z][.!?]\s+[A-Z]/.test(command)
}

/**
 * Other spellings a block accepts, one per comment line `# or: docker ps` (or `# also: …`).
 * A comment, so the block still runs as written.
 */
export function acceptedAlternatives(value: string): string[] {
  return value
    .split('\n')
    .map((line) => /^\s*#\s*(?:or|also):\s*(\S.*)$/i.exec(line)?.[1]?.trim().replace(/\s+/g, ' '))
    .filter((line): line is string => Boolean(line))
}

/** The single command of a block: `$ ` lines if there are any (console output is skipped), else
 * the non-comment lines, with `\` continuations joined. Undefined for zero or several commands. */
export function oneCommand(value: string): string | undefined {
  const lines = value.split('\n')
  const prompted = lines.some((line) => /^\s*\$\s/.test(line))
  const commands: string[] = []
  let continued = false
  for (const line of lines) {
    // A `\` continuation belongs to its command even without a `$ ` of its own.
    if (continued) {
      const text = line.trim()
      commands[commands.length - 1] += ` ${text.replace(/\\$/, '').trim()}`
      continued = /\\$/.test(text)
      continue
    }
    const isCommand = prompted ? /^\s*\$\s/.test(line) : line.trim() !== '' && !/^\s*#/.test(line)
    if (!isCommand) continue
    // `/ # apk add htop` typed at a container's root shell: the `/ # ` is its prompt.
    const text = line
      .trim()
      .replace(/^\$\s+/, '')
      .replace(/^(?:[\w@.-]+:)?[/~][\w/.-]*\s?#\s+/, '')
    commands.push(text.replace(/\\$/, '').trim())
    continued = /\\$/.test(text)
  }
  return commands.length === 1 && commands[0] ? commands[0].replace(/\s+/g, ' ') : undefined
}
