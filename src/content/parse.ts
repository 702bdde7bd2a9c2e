import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { frontmatter } from 'micromark-extension-frontmatter'
import { gfm } from 'micromark-extension-gfm'

// Built once: the extension objects carry no per-document state.
const extensions = [gfm(), frontmatter(['yaml'])]
const mdastExtensions = [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])]

/** Parses notes as CommonMark + GFM with YAML front matter, keeping source positions. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions, mdastExtensions })
}
