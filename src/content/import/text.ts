import type { Element, Nodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toText } from 'hast-util-to-text'

/** U+2060 WORD JOINER: invisible, and breaks a card syntax (`::`, `==`, `{{`, `#tag`) written as text. */
const joiner = '\u2060'

/**
 * An imported field's HTML as plain text lines (block elements and `<br>` become line breaks,
 * as `innerText` does), with the media it names (`<img src>`, `[sound:…]`). Markup is dropped:
 * the text is then written as Markdown and compiled and sanitised like any note.
 */
export function htmlToText(html: string): { text: string; media: string[] } {
  const media: string[] = []
  for (const match of html.matchAll(/\[sound:([^\]]+)\]/g)) media.push(match[1]!.trim())
  const tree = fromHtml(html.replace(/\[sound:[^\]]+\]/g, ''), { fragment: true })
  collectImages(tree, media)
  const text = toText(tree, { whitespace: 'normal' })
  return { text: text.replace(/\u00a0/g, ' ').trim(), media }
}

function collectImages(node: Nodes, into: string[]): void {
  if (node.type === 'element' && (node as Element).tagName === 'img') {
    const src = (node as Element).properties.src
    if (typeof src === 'string' && src !== '' && !/^(data|https?):/i.test(src)) into.push(decodeURIComponent(src))
  }
  if ('children' in node) for (const child of node.children) collectImages(child as Nodes, into)
}

/**
 * One line of imported text as Markdown that reads as the same text and makes no card syntax
 * by accident: Markdown punctuation is escaped, and the compiler's text-level syntaxes
 * (` :: `, `==gap==`, `{{c1::…}}`, a `?` line, a trailing `#tag`) are broken by a word joiner.
 */
export function markdownLine(line: string): string {
  const escaped = line
    .trim()
    .replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`)
    .replace(/::/g, `:${joiner}:`)
    .replace(/==/g, `=${joiner}=`)
    .replace(/\{\{/g, `{${joiner}{`)
    .replace(/#(?=\p{L})/gu, `#${joiner}`)
    .replace(/^([-+=#]|\d+[.)])/, '\\$1')
  return /^\?\??$/.test(escaped) ? `${escaped}${joiner}` : escaped
}

/** Text of one or more lines as Markdown lines of one paragraph (no blank line inside it). */
export function markdownLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map(markdownLine)
    .filter((line) => line !== '')
}

/** A tag as the compiler reads it (`#word`, letters first; `::` hierarchy becomes `/`). */
export function tagWord(tag: string): string | undefined {
  const word = tag
    .replace(/::/g, '/')
    .replace(/[^\p{L}\p{N}_/-]+/gu, '-')
    .replace(/^[^\p{L}]+/u, '')
  return word === '' ? undefined : `#${word}`
}
