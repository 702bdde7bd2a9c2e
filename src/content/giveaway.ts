import { longNamesOf } from '../domain/answer/docker-flags'

/**
 * Whether a prompt gives away a word of its answer: the test a reverse card must pass (issue
 * 16), and the measure the shipped deck is held to. Prompt and answer are cut into words, then
 * a word of the answer is given away when the prompt (context line included) has
 *
 * - the same word, singular or plural, in any order (`cache hit` ← "the build cache");
 * - the same flag in another spelling: `-v` and `--volume` are one word, through the short-flag
 *   table the answer comparer uses (`longNamesOf`);
 * - a word it begins (`ENV` ← "environment", `docker` ← "dockerd"), or a word of four letters or
 *   more that begins it (`containerd` ← "container");
 * - its abbreviation or expansion (`OSType` ← "operating system", `gelf` ← "Graylog Extended
 *   Log Format").
 *
 * Small words ("the", "of") count only in an answer made of nothing else (`no`).
 */
export function givesAway(prompt: string, answer: string): boolean {
  const asked = words(prompt)
  const hidden = words(answer)
  const content = hidden.filter((word) => !small.has(word.text))
  return (content.length > 0 ? content : hidden).some(
    (word) => asked.some((other) => sameWord(word, other)) || abbreviates(word, asked) || expands(word, hidden, asked),
  )
}

interface Word {
  /** Lower case, plural and verb endings off. */
  text: string
  /** Written in capitals in the source (`ENV`, `OS`): an abbreviation even when short. */
  acronym: boolean
}

const small = new Set(
  (
    'a an the of and or to in on for by with at as is it its be from into that this than then ' +
    'which what who how when where your you their them they not no one any all each its only also'
  ).split(' '),
)

function words(text: string): Word[] {
  const out: Word[] = []
  // `-it` is `-i -t`; each short flag stands for its long names.
  const spelled = text.replace(/(^|[\s(`])-([A-Za-z]{1,3})(?=$|[\s),.;:`=])/g, (_, before: string, letters: string) => {
    const names = [...letters].flatMap((letter) => longNamesOf(letter))
    return `${before}${names.length > 0 ? names.join(' ') : letters}`
  })
  // `OSType` → OS Type, `imageLayoutVersion` → image Layout Version.
  const split = spelled.replace(/([a-z\d])([A-Z][a-z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
  for (const raw of split.split(/[^\p{L}\p{N}]+/u)) {
    // The `s` of "host's" is no word.
    if (raw === '' || raw === 's') continue
    out.push({
      text: stem(raw.toLowerCase()),
      acronym: raw.length >= 2 && raw === raw.toUpperCase() && /\p{L}/u.test(raw),
    })
  }
  return out
}

/** `images`/`image`, `updated`/`update`, `registries`/`registry` → one form. */
function stem(word: string): string {
  const cut = /(?:ies|ing|ed|es|e)$|(?<!s)s$/.exec(word)
  if (!cut || word.length - cut[0].length < 3) return word
  return word.slice(0, cut.index) + (cut[0] === 'ies' ? 'y' : '')
}

function sameWord(hidden: Word, shown: Word): boolean {
  if (hidden.text === shown.text) return true
  if (small.has(shown.text) || /^\d+$/.test(hidden.text) || /^\d+$/.test(shown.text)) return false
  if (hidden.text.length >= 3 && shown.text.startsWith(hidden.text)) return true
  return shown.text.length >= 4 && hidden.text.startsWith(shown.text)
}

/** An answer word that is the initials of consecutive prompt words (`OS` ← operating system). */
function abbreviates(hidden: Word, asked: readonly Word[]): boolean {
  return isInitialsOf(hidden, asked)
}

/** A prompt abbreviation spelled out by consecutive answer words (`OCI` ← Open Container Initiative). */
function expands(hidden: Word, answer: readonly Word[], asked: readonly Word[]): boolean {
  return asked.some((shown) => shown.acronym && isInitialsOf(shown, answer) && answer.includes(hidden))
}

function isInitialsOf(short: Word, text: readonly Word[]): boolean {
  const letters = short.text
  if (letters.length > 5 || (letters.length < 3 && !short.acronym) || letters.length < 2) return false
  const sequences = [text, text.filter((word) => !small.has(word.text))]
  return sequences.some((sequence) =>
    sequence.some((_, start) => {
      const run = sequence.slice(start, start + letters.length)
      return run.length === letters.length && run.map((word) => word.text[0]).join('') === letters
    }),
  )
}

/**
 * Whether an answer only repeats its prompt: it has every word of the term and, for a term of
 * several words, at most one more that its context line does not already give ("Total Memory", under "Fields … that
 * describe the host" → "the total memory of the host").
 */
export function repeatsPrompt(term: string, answer: string, context = ''): boolean {
  const named = words(term).filter((word) => !small.has(word.text))
  const known = [...named, ...words(context)]
  const said = words(answer).filter((word) => !small.has(word.text))
  if (named.length === 0) return false
  const has = (list: readonly Word[], word: Word) => list.some((other) => other.text === word.text)
  // One word more is a tautology only beside a term of two or more: "Build" → "building images"
  // still says what is built.
  const spare = named.length > 1 ? 1 : 0
  return named.every((word) => has(said, word)) && said.filter((word) => !has(known, word)).length <= spare
}

/** Words a schema's field description is made of whatever the field: "is an array of …". */
const schemaFiller = new Set(
  (
    'is are specifies specify contains contain defines define describes describe sets set array arrays list ' +
    'lists map maps object objects string strings value values field fields property properties entry entries ' +
    'key keys element elements item items used use'
  )
    .split(' ')
    .map(stem),
)

/**
 * Whether a field's description only restates its name and the object it belongs to:
 * "hooks › poststart" → "is an array of poststart hooks", "Namespaces › type" → "namespace
 * type". Its words, past the small ones and those every field description uses ("is an array
 * of"), are all in the name or its context; a description with no such word says nothing.
 */
export function restatesField(name: string, description: string, context = ''): boolean {
  const known = [...words(name), ...words(context)]
  const said = words(description).filter((word) => !small.has(word.text) && !schemaFiller.has(word.text))
  return said.every((word) => known.some((other) => other.text === word.text))
}
