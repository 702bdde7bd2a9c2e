import type { CardKind, CompiledCard } from '../../content/types'
import {
  definesNamedTerm,
  formOf,
  isRelevant,
  isVariant,
  shapeDistanceOf,
  sharesSubject,
  subjectOf,
} from './answer-form'
import { answerType } from './answer-type'
import { hash32, type Rng } from './rng'
import { nearEqual, similarShape } from './similarity'

/**
 * Kinds whose answer is a single phrase or sentence and can stand as an option.
 * Enumeration and sequence answers are lists: as options their shape gives them away, and a
 * fair "which belongs to …" question needs list items the compiled card does not expose.
 */
export const choiceKinds: ReadonlySet<CardKind> = new Set(['basic', 'reverse', 'cloze', 'typein'])

/** How close a candidate sits to the card: 0 same group, 1 same topic, 2 same deck. */
function tier(card: CompiledCard, other: CompiledCard): number | undefined {
  if (other.deck !== card.deck) return undefined
  if (other.group === card.group) return 0
  return other.topic === card.topic ? 1 : 2
}

/**
 * Picks up to `count` wrong answers for `card` from `pool`, best first. Only answers of the
 * card's own `answerType` are taken (commands with commands, versions with versions). Order of preference:
 * similar shape (length within ×3) before dissimilar, then the card's topic before the rest of
 * the deck, then the answer's form (see `answerForm`), then (unless the answer is a term) answers
 * that share a word with the prompt (`isRelevant`), then same group, then same kind, then closest length; ties broken at random by `rng`. A candidate is dropped when it is near-equal
 * to the correct answer, to the prompt (the forward card of a reverse pair) or to a distractor
 * already taken; when it is a variant of the correct term (`containerd-shim-runc-v2` for
 * `containerd-shim`); when it answers a yes/no question; or when it defines a term that the
 * question or its answer names (it would be a second right answer).
 */
export function pickDistractors(
  card: CompiledCard,
  pool: readonly CompiledCard[],
  count: number,
  rng: Rng,
): CompiledCard[] {
  // Ties are broken by a seeded hash of each card id rather than by shuffling the pool, so the
  // choice for one card does not change when unrelated cards are added to the deck.
  const salt = rng().toString(36)
  const form = formOf(card)
  const type = answerType(card)
  const definesTerm = subjectOf(card) !== undefined
  const role = roleOf(card)
  const style = styleOf(card.answer)
  const question = questionWord(card.prompt)
  // One word, one name: `ALL`, `docker-default`, `volume-driver.`
  const bare = !/\s/.test(card.answer.trim())
  const thing = role === 'reply' ? askedThing(card.prompt) : undefined
  const candidates = form === 'term' || card.kind === 'reverse' ? [...pool, ...termViews(pool)] : pool
  const ranked = candidates
    .flatMap((other) => {
      const t = tier(card, other)
      if (t === undefined || other.id === card.id) return []
      if (!choiceKinds.has(other.kind) || answerType(other) !== type) return []
      if (formOf(other) === 'yes-no' || definesNamedTerm(card, other)) return []
      // Another topic is only a source when it is about the same thing.
      if (t === 2 && !sharesSubject(card, other)) return []
      // An option that answers differently (a definition as the reply to a question) or is about
      // another thing is ruled out without knowledge: only when nothing better is left.
      const otherRole = roleOf(other) === role ? 0 : 1
      const offSubject = t === 0 || sharesSubject(card, other) ? 0 : 1
      const distance = shapeDistanceOf(card, other)
      const similar = distance <= similarShape ? 0 : 1
      const otherForm = formOf(other) === form ? 0 : 1
      // Terms rarely share words with their peers; for them a shared word is more often a giveaway.
      const relevant = form === 'term' || isRelevant(card, other) ? 0 : 1
      // A term's peers are its siblings (the other controllers, the other instructions): for a
      // term, or a term's definition, an answer from another section is about another kind of thing.
      const asked = role === 'reply' && questionWord(other.prompt) !== question ? 1 : 0
      // "Which --mount key …?" takes other keys first, "Which AppArmor profile …?" other profiles.
      const otherThing = thing !== undefined && askedThing(other.prompt) !== thing ? 1 : 0
      // A bare name or value ("ALL", `docker-default`) has no type of its own to go by: there, an
      // answer to another kind of question or written another way (`tasks.web` among capability
      // values) is no option at all, and the card makes no choice question.
      if (type === 'text' && bare && role === 'reply') {
        if (otherThing === 1 || styleOf(other.answer) !== style) return []
      }
      // A sentence from another topic, giving another kind of reply, answering another kind of
      // question ("So the layer stays cached" to "How …?") or sharing no word with this one reads
      // as filler: no option at all (the card then makes no choice question).
      if (
        type === 'text' &&
        !bare &&
        role === 'reply' &&
        (t === 2 || otherRole === 1 || otherThing === 1 || asked === 1 || relevant === 1)
      )
        return []
      const key = [otherRole, offSubject, otherThing]
      const rest =
        form === 'term'
          ? [
              similar,
              otherForm,
              styleOf(other.answer) === style ? 0 : 1,
              t,
              relevant,
              other.kind === card.kind ? 0 : 1,
              distance,
            ]
          : definesTerm
            ? [similar, t === 2 ? 1 : 0, otherForm, t, relevant, other.kind === card.kind ? 0 : 1, distance]
            : [similar, t === 2 ? 1 : 0, otherForm, asked, relevant, t, other.kind === card.kind ? 0 : 1, distance]
      key.push(...rest, hash32(`${salt}:${other.id}`))
      return [{ other, key }]
    })
    .sort((x, y) => compareKeys(x.key, y.key))
  const picked: CompiledCard[] = []
  for (const { other } of ranked) {
    if (picked.length >= count) break
    if (nearEqual(other.answer, card.answer) || nearEqual(other.answer, card.prompt)) continue
    if (isVariant(other.answer, card.answer)) continue
    if (picked.some((p) => nearEqual(p.answer, other.answer))) continue
    picked.push(other)
  }
  return picked
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * What an answer is to its prompt: a term (of a reverse card or a cloze gap), a term's
 * definition, or the reply to a question. Options keep to the answer's role: the definition of
 * a containerd feature reads oddly as the reply to "Which OCI runtime does containerd use?".
 */
function roleOf(card: CompiledCard): 'term' | 'definition' | 'reply' {
  if (card.kind === 'reverse' || card.kind === 'cloze') return 'term'
  if (subjectOf(card) !== undefined) return 'definition'
  return 'reply'
}

/**
 * How a term is written: `net_prio` (an identifier), `UTS` (capitals) or `Resource limiting`
 * (words). Among terms, one written differently stands out.
 */
function styleOf(text: string): 'identifier' | 'caps' | 'words' {
  const answer = text.trim().replace(/\.$/, '')
  if (/^[a-z0-9_.:/-]+$/.test(answer)) return 'identifier'
  if (/^[A-Z0-9_]+$/.test(answer)) return 'caps'
  return 'words'
}

/** The interrogative a question opens with: a reply to "Why …?" fits among other reasons. */
function questionWord(prompt: string): string {
  const match =
    /^(why|how|when|where|who|which|what)\b(?:\s+(is|are|was|were|does|do|did|happens?|must|should|can))?/i.exec(
      prompt.trim(),
    )
  // "What is …?" wants a thing, "What does …?" an action: their replies do not mix.
  const verb = match?.[2]?.toLowerCase()
  const kind = verb === undefined ? '' : /^(is|are|was|were)$/.test(verb) ? ' is' : ' does'
  return match?.[1] ? `${match[1].toLowerCase()}${kind}` : ''
}

/**
 * What kinds of thing a question asks for, named in its opening words: "Which special **value**
 * of --cap-add …", "Name of the AppArmor **profile** …", "Which --mount **key** …". A closed list:
 * words that name a kind of answer, not a subject.
 */
const thingWords =
  /(?<![\w-])(keys?|options?|flags?|profiles?|drivers?|files?|folders?|directory|directories|commands?|subcommands?|instructions?|fields?|labels?|ports?|capabilit(?:y|ies)|signals?|modes?|polic(?:y|ies)|plugins?|filters?|formats?|variables?|states?|statuses|components?|packages?|endpoints?|headers?|media types?|syscalls?|controllers?|tools?|binar(?:y|ies)|versions?|releases?)(?![\w-])/i

function askedThing(prompt: string): string | undefined {
  const own = prompt.split(' › ').pop() ?? prompt
  const opening = /^(?:which|what|name (?:of )?(?:the|a|an))\s+((?:\S+\s+){0,5}\S+)/i.exec(own.trim())?.[1]
  const word = opening === undefined ? undefined : thingWords.exec(opening)?.[1]?.toLowerCase()
  return word?.replace(/(?:ies|s)$/, (end) => (end === 'ies' ? 'y' : ''))
}

/** Each basic term card seen as its term, built once per card. */
const views = new WeakMap<CompiledCard, CompiledCard | null>()

/**
 * The terms of basic term cards ("Controllers › **memory**" → `memory`) as options, so a term
 * question can take its siblings' names even when they have no reverse card (a definition that
 * names its term makes none).
 */
function termViews(pool: readonly CompiledCard[]): CompiledCard[] {
  const out: CompiledCard[] = []
  for (const card of pool) {
    let view = views.get(card)
    if (view === undefined) {
      view = termView(card)
      views.set(card, view)
    }
    if (view) out.push(view)
  }
  return out
}

function termView(card: CompiledCard): CompiledCard | null {
  const term = subjectOf(card)
  if (card.kind !== 'basic' || !term) return null
  const html = /<strong>([\s\S]*?)<\/strong><\/p>$/.exec(card.promptHtml.trim())?.[1]
  if (html === undefined) return null
  return { ...card, id: `${card.id}-term`, kind: 'reverse', answer: term, answerHtml: `<p>${html}</p>` }
}
