import * as v from 'valibot'
import type { Blueprint } from '../domain/exam/blueprint'
import { topicSlugPattern } from './front-matter'
import type { CompiledTopic, Diagnostic } from './types'

const slug = (field: string) =>
  v.pipe(v.string(`${field} must be a string`), v.regex(topicSlugPattern, `${field} must be a slug like "storage"`))

const domainSchema = v.object({
  slug: slug('blueprint.domains[].slug'),
  title: v.pipe(
    v.string('blueprint.domains[].title must be a string'),
    v.nonEmpty('blueprint.domains[].title is empty'),
  ),
  weight: v.pipe(
    v.number('blueprint.domains[].weight must be a number'),
    v.minValue(0.01, 'blueprint.domains[].weight must be above 0'),
  ),
  topics: v.array(slug('blueprint.domains[].topics[]'), 'blueprint.domains[].topics must be a list of topic slugs'),
})

const blueprintSchema = v.object({
  name: v.pipe(v.string('blueprint.name must be a string'), v.nonEmpty('blueprint.name is empty')),
  title: v.pipe(v.string('blueprint.title must be a string'), v.nonEmpty('blueprint.title is empty')),
  domains: v.pipe(
    v.array(domainSchema, 'blueprint.domains must be a list'),
    v.minLength(1, 'blueprint.domains lists no domain'),
  ),
})

/** The `blueprint:` of `deck.yaml`, validated; problems are reported and the blueprint dropped. */
export function readBlueprint(data: unknown, diagnostics: Diagnostic[]): Blueprint | undefined {
  if (data === undefined || data === null) return undefined
  const parsed = v.safeParse(blueprintSchema, data)
  const report = (message: string) =>
    diagnostics.push({ severity: 'error', file: 'deck.yaml', line: 1, code: 'blueprint-invalid', message })
  if (!parsed.success) {
    report(parsed.issues[0]?.message ?? 'blueprint is invalid')
    return undefined
  }
  const owner = new Map<string, string>()
  let clash = false
  for (const domain of parsed.output.domains) {
    for (const topic of domain.topics) {
      const other = owner.get(topic)
      if (other) {
        clash = true
        report(`blueprint: topic \`${topic}\` is in two domains, ${other} and ${domain.slug}`)
      }
      owner.set(topic, domain.slug)
    }
  }
  return clash ? undefined : parsed.output
}

/**
 * Warns about topics a blueprint exam would never ask (in no domain) and about domain topics
 * with no note yet (that domain's share goes to the others until the note exists).
 */
export function checkBlueprintTopics(
  blueprint: Blueprint,
  topics: readonly CompiledTopic[],
  diagnostics: Diagnostic[],
): void {
  const named = new Set(blueprint.domains.flatMap((d) => d.topics))
  for (const topic of topics) {
    if (named.has(topic.slug)) continue
    diagnostics.push({
      severity: 'warning',
      file: topic.file,
      line: 1,
      code: 'topic-outside-blueprint',
      message: `topic \`${topic.slug}\` is in no domain of deck.yaml's blueprint: blueprint exams never ask it`,
    })
  }
  const present = new Set(topics.map((t) => t.slug))
  for (const domain of blueprint.domains) {
    for (const topic of domain.topics.filter((t) => !present.has(t))) {
      diagnostics.push({
        severity: 'warning',
        file: 'deck.yaml',
        line: 1,
        code: 'blueprint-topic-missing',
        message: `blueprint domain \`${domain.slug}\` names topic \`${topic}\`, which has no note yet`,
      })
    }
  }
}
