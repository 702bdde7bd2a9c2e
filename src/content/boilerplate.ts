/**
 * Text that makes no card on its own: what real notes (specifications, reference pages) are
 * full of, and what a card made from it would not let anyone recall (issue 16's corpus read).
 */

/** A sentence that leans on the one before it: "For example, …", "However, …", "The example below …". */
const connective =
  /^(?:for (?:example|instance)|e\.g\.|i\.e\.|however|also|similarly|likewise|in addition|additionally|alternatively|instead|otherwise|therefore|thus|hence|then|next|finally|so|but|and|or|in (?:this|that|which) case|as a result|as an example|in other words|another|first(?=,)|on the other hand|the (?:above|below)|the (?:following|previous|next)\b|(?:the|this|that) example|in (?:the|this) example)\b/i

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

/**
 * "See Linux mount options below.", "For more information …, please see the README.": a pointer
 * to another part of the text, not an answer.
 */
export function isPointer(text: string): boolean {
  const trimmed = text.trim()
  if (/^(?:please\s+)?see\b/i.test(trimmed) && trimmed.split(/\s+/).length <= 12) return true
  return /^for (?:more|further|additional) (?:information|details)\b.*\b(?:see|refer to)\b/i.test(trimmed)
}

/**
 * Text about the document rather than its subject: "This section specifies …", "Note: this
 * feature was added in 1.1." As an answer it tells the reader where they are, not what to recall.
 */
export function isAboutTheText(text: string): boolean {
  return /^(?:(?:this|the following|the next|the previous) (?:section|document|chapter|page|specification|spec|table)\b|note\s*:)/i.test(
    text.trim(),
  )
}

/**
 * A sentence cut before its end: "The term Docker can refer to" introduces a list without a
 * colon. It ends in a word that needs more after it.
 */
export function endsUnfinished(text: string): boolean {
  return /\b(?:to|of|the|a|an|and|or|as|by|with|for|from|in|into|on|is|are|include|includes|including|following|like|such as)\s*$/i.test(
    text.trim(),
  )
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
  'faq',
  'faqs',
  'frequently asked questions',
  "implementor's note",
  "implementer's note",
  'implementation note',
  'implementation notes',
  'explanation',
])

export function isGenericHeading(text: string): boolean {
  return genericHeadings.has(text.trim().toLowerCase())
}

/** Glossary sections: every sub-heading below is a term and its first paragraph the definition. */
export function isGlossaryHeading(text: string): boolean {
  return /^(?:glossary|definitions|terminology|terms(?: and definitions)?|key terms|concepts)$/i.test(text.trim())
}

/**
 * Verbs a task for the command line starts with ("Run nginx …", "List the images", "Set up
 * rootless Docker"): the prompt of a type-in card must ask for something to be done.
 */
const taskVerbs = new Set(
  (
    'activate add allocate allow apply assign attach back bind build change check clean clear clone commit compare ' +
    'configure connect convert copy count create delete demote deploy detach disable disconnect display download drain ' +
    'drop edit enable enter exec execute expose export extract fetch filter find follow force format generate get give ' +
    'grant import increase inspect install invalidate invoke join keep kill label launch leave limit list load lock log ' +
    'login logout make map match mount move name open override pass pause pin point print promote prune publish pull ' +
    'push query read rebuild reload remove rename replace reset restart restore restrict resume return revoke roll ' +
    'rotate run save scale search select send set share show sign specify start stop stream switch tag tail test ' +
    'turn unlock unmount unpause update upgrade upload use verify view wait watch write'
  ).split(' '),
)

/** A second word that makes the first a noun: "Exit code 125 indicates …", "Filter is …". */
const notImperative =
  /^(?:is|are|was|were|has|have|had|can|could|will|would|should|may|might|must|does|do|did|code|codes|status|mode|command|commands|names?|flags?|options?|types?|policy|values?)$/i

/**
 * Whether a sentence asks for something to be done: it starts with a task verb ("Run …",
 * "On a manager, print …"), a purpose ("To list all images …"), says what you can do ("you
 * can filter …") or what the command does ("a command that starts …"). "Each of the subnetworks has 126 usable addresses." describes the result of a
 * command, and "Exit code 125 indicates …" explains one: neither asks for it.
 */
export function asksForTask(text: string): boolean {
  const trimmed = text.trim()
  if (/^to\s+[a-z]/i.test(trimmed)) return true
  // "Here's an example of a … command that starts a container based on nginx and maps port 80 …"
  if (/\bcommands?\s+(?:that|which|to)\s+[a-z]/i.test(trimmed)) return true
  if (
    /\b(?:you|one)\s+(?:can|could|may|need to|must|should)\s+(?:also\s+|then\s+|now\s+|instead\s+)?(?!not\b|be\b|only\b)[a-z]/i.test(
      trimmed,
    )
  )
    return true
  // An opening phrase before a comma ("Interactively, run …", "If lost managers …, rebuild …").
  return trimmed
    .split(/,\s+/)
    .slice(0, 3)
    .some((clause) => {
      const [first = '', second = ''] = clause.split(/\s+/)
      return taskVerbs.has(first.toLowerCase()) && !notImperative.test(second)
    })
}

/**
 * A prompt that leans on the block for what it asks: it ends by pointing at an example ("…,
 * as in", "…, for example", "such as") so the command is one instance of an open kind, or it
 * names the command only as "this flag", "this command", "as this shows".
 */
export function pointsAtExample(text: string): boolean {
  const trimmed = text.trim().replace(/[.:]\s*$/, '')
  return (
    /(?:\bas in|\bfor (?:example|instance)|\bsuch as|\be\.g|\blike|\bas follows|\bas shown|\bas this shows|\bby)$/i.test(
      trimmed,
    ) ||
    /\b(?:this|that|these|those) (?:flag|option|command|syntax|form|script|setting)s?\b|\buse this\b|\bas this shows\b/i.test(
      trimmed,
    )
  )
}
