import type { Root } from 'mdast'
import { parse, YAMLError } from 'yaml'

export interface FrontMatter {
  deck?: string
  topic?: string
  title?: string
  sources: string[]
  /** Whether the file has a front matter block at all. */
  present: boolean
  /** Set when the block is not a valid YAML mapping (already reported). */
  invalid?: boolean
}

export const topicSlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

type Report = (line: number, code: string, message: string) => void

/** Reads and validates the YAML front matter; missing fields are left for the caller to derive. */
export function readFrontMatter(root: Root, report: Report): FrontMatter {
  const node = root.children[0]
  if (node?.type !== 'yaml') return { sources: [], present: false }
  const line = node.position?.start.line ?? 1
  const data = parseYaml(node.value, line, report)
  if (data === undefined) return { sources: [], present: true, invalid: true }
  const matter: FrontMatter = { sources: [], present: true }
  for (const key of ['deck', 'topic', 'title'] as const) {
    const value = data[key]
    if (value === undefined || value === null) continue
    if (typeof value === 'string' && value.trim() !== '') matter[key] = value.trim()
    else report(line, 'front-matter-invalid', `front matter \`${key}\` must be a non-empty string`)
  }
  for (const key of ['deck', 'topic'] as const) {
    const value = matter[key]
    if (value !== undefined && !topicSlugPattern.test(value)) {
      report(
        line,
        'front-matter-invalid',
        `front matter \`${key}: ${value}\` is not a slug (lowercase letters, digits, dashes)`,
      )
      matter[key] = undefined
    }
  }
  const sources = data.sources
  if (Array.isArray(sources) && sources.every((source) => typeof source === 'string')) matter.sources = sources
  else if (sources !== undefined && sources !== null) {
    report(line, 'front-matter-invalid', 'front matter `sources` must be a list of URLs')
  }
  return matter
}

function parseYaml(value: string, line: number, report: Report): Record<string, unknown> | undefined {
  try {
    const data: unknown = parse(value)
    if (data === null || data === undefined) return {}
    if (typeof data === 'object' && !Array.isArray(data)) return data as Record<string, unknown>
    report(line, 'front-matter-invalid', 'front matter must be a YAML mapping (`key: value` lines)')
  } catch (error) {
    // +1: the YAML starts on the line after the opening `---`.
    const at = error instanceof YAMLError ? (error.linePos?.[0]?.line ?? 0) + line : line
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    report(at, 'front-matter-invalid', `front matter is not valid YAML: ${reason}`)
  }
  return undefined
}

/** The `deck:` of a file's front matter, read without parsing the Markdown (used by the loader). */
export function peekDeck(text: string): string | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text)
  if (!match) return undefined
  try {
    const data: unknown = parse(match[1] ?? '')
    const deck = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).deck : undefined
    return typeof deck === 'string' && topicSlugPattern.test(deck.trim()) ? deck.trim() : undefined
  } catch {
    return undefined
  }
}
