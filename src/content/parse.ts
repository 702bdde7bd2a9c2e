import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfm } from 'micromark-extension-gfm'

// Built once: the extension objects carry no per-document state.
const extensions = [gfm(), frontmatter(['yaml'])]
const mdastExtensions = [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])]

/** Keeps parse trees between runs, keyed by the text (the CLI's on-disk cache). */
export interface ParseCache {
  get(text: string): Root | undefined
  set(text: string, root: Root): void
}

let cache: ParseCache | undefined

/**
 * Lets the content CLI reuse the parse of unchanged notes: micromark's parse is most of
 * `content:check`'s CPU time on a large deck. Off unless set; the server never sets it.
 */
export function useParseCache(next: ParseCache | undefined): void {
  cache = next
}

/** Parses notes as CommonMark + GFM with YAML front matter, keeping source positions. */
export function parseMarkdown(text: string): Root {
  const hit = cache?.get(text)
  if (hit) return hit
  const root = fromMarkdown(text, { extensions, mdastExtensions })
  cache?.set(text, root)
  return root
}
