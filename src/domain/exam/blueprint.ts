/**
 * An exam blueprint: the domains an exam is made of, each with its weight (its share of the
 * questions) and the deck topics it draws from. The Docker deck's is the DCA's, in
 * `content/docker/deck.yaml`; the weights are data, so another exam is a change of that file.
 */
export interface ExamDomain {
  slug: string
  title: string
  /** Relative weight, e.g. the percentage the exam guide publishes. */
  weight: number
  topics: string[]
}

export interface Blueprint {
  /** Short name shown on the start form, e.g. "DCA". */
  name: string
  title: string
  domains: ExamDomain[]
}

export interface DomainScore {
  domain: string
  title: string
  weight: number
  correct: number
  total: number
}

/**
 * Splits `total` questions between weights by largest remainder (Hamilton's method), ties to
 * the earlier weight. DCA weights 25/20/15/15/15/10 over 55 give 14/11/8/8/8/6.
 */
export function splitByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (sum <= 0) return weights.map(() => 0)
  const exact = weights.map((w) => (w * total) / sum)
  const seats = exact.map(Math.floor)
  let left = total - seats.reduce((a, b) => a + b, 0)
  const order = exact.map((q, i) => ({ i, rest: q - Math.floor(q) })).sort((a, b) => b.rest - a.rest || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    seats[i] = (seats[i] ?? 0) + 1
    left--
  }
  return seats
}

/** The domain a topic belongs to; a topic the blueprint does not name has none. */
export function domainOf(blueprint: Blueprint, topic: string): ExamDomain | undefined {
  return blueprint.domains.find((d) => d.topics.includes(topic))
}

/** Per-topic tallies summed into the blueprint's domains, in the blueprint's order. */
export function scoreByDomain(
  blueprint: Blueprint,
  topics: ReadonlyArray<{ topic: string; correct: number; total: number }>,
): DomainScore[] {
  return blueprint.domains.map((d) => {
    const mine = topics.filter((t) => d.topics.includes(t.topic))
    return {
      domain: d.slug,
      title: d.title,
      weight: d.weight,
      correct: mine.reduce((n, t) => n + t.correct, 0),
      total: mine.reduce((n, t) => n + t.total, 0),
    }
  })
}

/** A stored blueprint (JSON column), read defensively: anything malformed reads as none. */
export function parseBlueprint(json: string | null | undefined): Blueprint | undefined {
  if (!json) return undefined
  try {
    const value = JSON.parse(json) as Blueprint
    const ok =
      typeof value?.name === 'string' &&
      Array.isArray(value.domains) &&
      value.domains.every((d) => typeof d?.slug === 'string' && typeof d.weight === 'number' && Array.isArray(d.topics))
    return ok ? value : undefined
  } catch {
    return undefined
  }
}
