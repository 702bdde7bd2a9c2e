/**
 * GitHub-style heading anchors: lower-case, punctuation removed, spaces to dashes, and a
 * `-1`, `-2` suffix for repeats within one file.
 * @see https://github.com/Flet/github-slugger
 */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>()
  return (text) => {
    const base = slugify(text)
    let slug = base
    let count = seen.get(base) ?? 0
    while (seen.has(slug)) {
      count += 1
      slug = `${base}-${count}`
    }
    seen.set(base, count)
    seen.set(slug, 0)
    return slug
  }
}

export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/** Slug for deck and topic names derived from file names: `Docker Notes.md` → `docker-notes`. */
export function fileSlug(name: string): string {
  const slug = name
    .replace(/\.(md|markdown)$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug === '' ? 'notes' : slug
}
