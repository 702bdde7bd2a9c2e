/**
 * Text that makes no card on its own: what real notes (specifications, reference pages) are
 * full of, and what a card made from it would not let anyone recall (issue 16's corpus read).
 */

/** A sentence that leans on the one before it: "For example, …", "However, …", "The example below …". */
const connective =
  /^(?:for (?:example|instance)|e\.g\.|i\.e\.|however|also|similarly|likewise|in addition|additionally|alternatively|instead|otherwise|therefore|thus|hence|then|next|finally|so|but|and|or|in (?:this|that|which) case|as a result|as an example|on the other hand|the (?:above|below)|the (?:following|previous|next)\b|(?:the|this|that) example|in (?:the|this) example)\b/i

export function startsWithConnective(text: string): boolean {
  return connective.test(text.trim())
}

/** An answer ending in `:` introduces what follows ("use the following keyboard shortcuts:"). */
export function endsWithColon(text: string): boolean {
  return /:\s*$/.test(text)
}

const pronounStart = /^(?:this|it|its|these|they|that|those|such)\b/i
const requirementKeyword = /\b(?:MUST|SHOULD|MAY|SHALL|REQUIRED|RECOMMENDED|OPTIONAL)\b/

/**
 * A normative one-liner out of context: "This value MUST be an absolute path." It says what a
 * spec requires of something the sentence does not name, so as an answer it names nothing.
 */
export function isNormativeOutOfContext(text: string): boolean {
  return pronounStart.test(text.trim()) && requirementKeyword.test(text)
}

/** "See Linux mount options below.": a pointer to another part of the text, not an answer. */
export function isPointer(text: string): boolean {
  return /^see\b/i.test(text.trim()) && text.trim().split(/\s+/).length <= 12
}

/** Whether an answer starts by pointing back ("This …", "It …"): it needs its sentence before. */
export function startsWithPronoun(text: string): boolean {
  return pronounStart.test(text.trim())
}

/** "Each entry has the following structure:", "The `scheduler` contains the following properties:". */
export function introducesStructure(text: string): boolean {
  return /\bfollowing\s+(?:structure|properties|property|fields|keys|attributes|members|format|parameters|options|values|additional restrictions)\b|\bobjects? with the following\b/i.test(
    text,
  )
}

/**
 * An introduction to a list that is open (examples of a kind, not all of them): "Some common
 * types of namespaces include:", "… such as:". Naming "all" of an open list is not a fair card.
 */
export function introducesOpenList(text: string): boolean {
  return /\b(?:includes?|including|such as|for example|for instance|e\.g\.|examples?|some|common|commonly|typical|typically|among others|like|a few|several|many|most)\b/i.test(
    text,
  )
}

/** Headings that say where a text sits, not what it is about: no card asks "Introduction?". */
const genericHeadings = new Set([
  'introduction',
  'overview',
  'description',
  'usage',
  'example',
  'examples',
  'example usage',
  'note',
  'notes',
  'summary',
  'background',
  'abstract',
  'table of contents',
  'contents',
  'see also',
  'references',
  'related',
  'related commands',
  'todo',
])

export function isGenericHeading(text: string): boolean {
  return genericHeadings.has(text.trim().toLowerCase())
}

/** Glossary sections: every sub-heading below is a term and its first paragraph the definition. */
export function isGlossaryHeading(text: string): boolean {
  return /^(?:glossary|definitions|terminology|terms(?: and definitions)?|key terms|concepts)$/i.test(text.trim())
}
