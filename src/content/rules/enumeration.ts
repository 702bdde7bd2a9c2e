import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast'
import { introducesOpenList, introducesStructure } from '../boilerplate'
import { endLineOf, lineOf, newBlock, type RuleContext, type Scope } from '../draft'
import { textNode } from '../phrasing'
import { lastSentence, lowerFirst, plainText, wordCount } from '../text'
import { matchField } from './fields'
import { matchTerm, mentions } from './terms'

/**
 * "Name the N …" for a closed list of 2–7 items that each start with `**Name**`. The list is
 * introduced by a paragraph ending in `:` (its marker goes at the end of that paragraph), or,
 * for the first list directly in a section that has made no cards before it, by the heading
 * (marker on the heading line). No card when the label names every member ("Tags and digests"
 * over **tag** and **digest**), or when the heading names any (a glossary: "Images" over **image**).
 */
export function enumerationCards(list: List, previous: RootContent | undefined, scope: Scope, ctx: RuleContext): void {
  const names = memberNames(list.children)
  // A schema's fields (`- **`mounts`** (array, OPTIONAL) …`) are looked up, not recited.
  if (!names || list.children.some((item) => isField(item))) return
  const intro = previous?.type === 'paragraph' && plainText(previous).endsWith(':') ? previous : undefined
  // Only closed lists: "Some common types include:" is open, and a field list ("Each entry has
  // the following structure:") is a schema to look up, not a set to recall.
  const introText = intro ? lastSentence(plainText(intro)) : ''
  if (introducesOpenList(introText) || introducesStructure(introText)) return
  const { section } = scope
  // Without an introduction, only the first list of a section that has made no cards yet.
  if (!intro && !(section.heading && scope.topLevel && !section.headingTaken && section.cards === 0)) return
  const label = (intro && introLabel(intro, ctx.properNouns)) || headingLabel(plainText(section.context))
  // A heading that names one of its members heads a glossary ("Images" over **image**,
  // **layer**…), not a set worth naming; any label that names every member gives it away.
  const named = names.filter((name) => mentions(label.text, plainText(name))).length
  if (named === names.length || (label.fromHeading && named > 0)) return
  const anchorLine = intro ? endLineOf(intro) : lineOf(section.heading ?? list)
  if (!intro) section.headingTaken = true
  const block = newBlock(scope.section, anchorLine, ['enumeration', ...scope.parentTerms, label.key])
  const answer: List = {
    type: 'list',
    ordered: list.ordered ?? false,
    spread: false,
    children: names.map((name) => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children: name }],
    })),
  }
  const prompt = [textNode(label.prompt(names.length))]
  ctx.emit({
    block,
    kind: 'enumeration',
    suffix: '',
    prompt,
    answer: [answer],
    tags: [],
    line: anchorLine,
    fromTerms: true,
  })
}

/** Recalling more than seven names at once is a list to look up, not a card. */
const maxMembers = 7

function isField(item: ListItem): boolean {
  const first = item.children[0]
  return first?.type === 'paragraph' && matchField(first, item) !== undefined
}

function memberNames(items: readonly ListItem[]): PhrasingContent[][] | undefined {
  if (items.length < 2 || items.length > maxMembers) return undefined
  const names: PhrasingContent[][] = []
  for (const item of items) {
    const first = item.children[0]
    const bold = first?.type === 'paragraph' ? first.children[0] : undefined
    if (bold?.type !== 'strong') return undefined
    const name = stripColon(bold.children)
    if (plainText(name) === '') return undefined
    names.push(name)
  }
  return names
}

interface Label {
  key: string
  text: string
  fromHeading?: boolean
  prompt: (count: number) => string
}

/**
 * The label of an introduction ending in `:`, by shape:
 * "Some common types of namespaces include:" / "Here are the key objects:" / a noun phrase such as
 * "Jobs that dockerd handles itself:" → "Name the 6 jobs that dockerd handles itself";
 * a lone term (`**runc**:`) → "Name the 5 items under “runc”"; any other sentence →
 * "<sentence>: name all 3". Asides ("Let's explore…", "Here's an overview…") give way to the heading.
 */
function introLabel(intro: Paragraph, properNouns: ReadonlySet<string>): Label | undefined {
  const sentence = lastSentence(plainText(intro)).replace(/\s*:$/, '')
  const term = matchTerm(intro, false)
  if (term)
    return { key: term.text, text: term.text, prompt: (count) => `Name the ${count} items under “${term.text}”` }
  const found = nounPhrase(sentence)
  if (found) {
    const noun = properNouns.has(found.split(' ')[0] ?? '') ? found : lowerFirst(found)
    return { key: noun, text: noun, prompt: (count) => `Name the ${count} ${noun}` }
  }
  if (aside.test(sentence) || wordCount(sentence) > 20) return undefined
  return { key: sentence, text: sentence, prompt: (count) => `${sentence}: name all ${count}` }
}

function headingLabel(heading: string): Label {
  return {
    key: heading,
    text: heading,
    fromHeading: true,
    prompt: (count) => `Name the ${count} items under “${heading}”`,
  }
}

const aside =
  /^(?:let's|let us|here's|here is|sure|below|above|for example|examples?|e\.g\.|note|see|as follows|this|these|that|it|they|we|you)\b/i
const numbers = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve'
const verbs =
  /\b(?:contains?|is|are|was|were|has|have|had|do|does|did|can|could|will|would|shall|should|must|may|might)\b|'s\b/i
const relative = /\s(?:that|which|who|whose|where|when|used|for|of|in|on|to|with|from|by|as|[^\s]+ed)\s/i

/** The noun phrase an introduction names: "X include:", "Here are X:", "Linux has eight X:", or
 * a phrase without a main verb ("Operations that every runtime must support:"). */
function nounPhrase(sentence: string): string | undefined {
  const lead = /^(?:here are|these are|there are|below are|the following are)\s+(.+)$/i.exec(sentence)
  const verb = /^(.+?)\s+(?:include|includes|are|consist of|consists of|comprise|comprises)$/i.exec(sentence)
  const has = new RegExp(`^[^,]+?\\s(?:has|have)\\s+(?:\\d+|${numbers})\\s+(.+)$`, 'i').exec(sentence)
  let phrase = (lead ?? verb ?? has)?.[1]
  if (!phrase) {
    const head = sentence.split(relative)[0] ?? sentence
    if (aside.test(sentence) || verbs.test(head)) return undefined
    phrase = sentence
  }
  const noun = phrase
    .replace(/^(?:some|all|several|a few)\s+(?:of\s+)?/i, '')
    .replace(new RegExp(`^the\\s+(?:following\\s+)?(?:(?:\\d+|${numbers})\\s+)?`, 'i'), '')
    .replace(new RegExp(`^(?:\\d+|${numbers})\\s+`, 'i'), '')
  return noun === '' || wordCount(noun) > 16 ? undefined : noun
}

function stripColon(nodes: PhrasingContent[]): PhrasingContent[] {
  const last = nodes[nodes.length - 1]
  if (last?.type !== 'text') return nodes
  return [...nodes.slice(0, -1), textNode(last.value.replace(/\s*:\s*$/, ''))]
}

/**
 * The noun phrase of a paragraph introducing a list ("Restart policies for docker run
 * --restart:"), as the context of the list's terms: it says what the terms are members of
 * better than the heading ("containerd › Networking" under "Features containerd leaves out:").
 */
export function listContext(previous: RootContent | undefined): PhrasingContent[] | undefined {
  if (previous?.type !== 'paragraph' || !plainText(previous).endsWith(':') || matchTerm(previous, false))
    return undefined
  const noun = nounPhrase(lastSentence(plainText(previous)).replace(/\s*:$/, ''))
  if (!noun) return undefined
  // A trailing clause after a comma ("…, leaving them to higher-level systems") is dropped.
  const head = noun.split(', ')[0] ?? noun
  const context = wordCount(head) >= 2 ? head : noun
  return [textNode(context.charAt(0).toUpperCase() + context.slice(1))]
}
