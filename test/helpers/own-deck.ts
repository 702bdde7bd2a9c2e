import type { Browser } from './app'

/** Creates a deck through the API as `browser`'s user and returns its slug. */
export async function createDeck(browser: Browser, body: { name: string; slug?: string; team?: string }) {
  const res = await browser.request('/api/v1/decks', { method: 'POST', json: body })
  if (res.status !== 201) throw new Error(`create deck: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { slug: string }).slug
}

export interface NoteAnswer {
  path: string
  text: string
  cards: Array<{ id: string; kind: string; prompt: string; answer: string; line: number; topic: string }>
  warnings: Array<{ file: string; line: number; code: string; message: string }>
  sync: { added: number; updated: number; retired: number; revived: number; unchanged: number }
}

export const noteUrl = (slug: string, path: string) => `/api/v1/decks/${slug}/notes/${encodeURIComponent(path)}`

/** PUTs a note's Markdown and returns the response (status checked by the caller). */
export function putNote(browser: Browser, slug: string, path: string, text: string, from?: string) {
  const query = from ? `?from=${encodeURIComponent(from)}` : ''
  return browser.request(`${noteUrl(slug, path)}${query}`, {
    method: 'PUT',
    headers: { 'content-type': 'text/markdown' },
    body: text,
  })
}

/** PUTs a note and returns its answer, failing on anything but 200/201. */
export async function writeNote(
  browser: Browser,
  slug: string,
  path: string,
  text: string,
  from?: string,
): Promise<NoteAnswer> {
  const res = await putNote(browser, slug, path, text, from)
  if (res.status !== 200 && res.status !== 201) throw new Error(`put ${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as NoteAnswer
}

/** The note's text as stored (with the id markers the server wrote). */
export async function readNote(browser: Browser, slug: string, path: string): Promise<string> {
  const res = await browser.request(noteUrl(slug, path))
  if (res.status !== 200) throw new Error(`get ${path}: ${res.status} ${await res.text()}`)
  return res.text()
}
