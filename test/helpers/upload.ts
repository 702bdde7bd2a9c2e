import type { Browser } from './app'

export interface Upload {
  name: string
  content: string | Uint8Array
}

/** POSTs files to a deck's import route as multipart, each in a field named `file`. */
export function importFiles(browser: Browser, slug: string, files: readonly Upload[]) {
  const form = new FormData()
  for (const file of files) form.append('file', new File([file.content as BlobPart], file.name))
  return browser.request(`/api/v1/decks/${slug}/import`, { method: 'POST', body: form })
}
