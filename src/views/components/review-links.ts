/** What is being studied: a deck, optionally narrowed to one topic, optionally in exam mode. */
export interface ReviewScope {
  deck: string
  topic?: string | undefined
  /** Exam mode: due cards weakest first by the recall predicted on the exam date. */
  mode?: 'exam' | undefined
}

/** `path?deck=…&topic=…&extra…`, leaving out empty values. */
export function reviewUrl(path: string, scope: ReviewScope, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams({ deck: scope.deck })
  if (scope.topic) params.set('topic', scope.topic)
  if (scope.mode) params.set('mode', scope.mode)
  for (const [name, value] of Object.entries(extra)) if (value !== undefined && value !== '') params.set(name, value)
  return `${path}?${params}`
}

/** The section of the source note a card came from, on the deck pages. */
export function noteUrl(card: { deck: string; topic: string; source: { anchor: string } }): string {
  const anchor = card.source.anchor ? `#${encodeURIComponent(card.source.anchor)}` : ''
  return `/decks/${encodeURIComponent(card.deck)}/notes/${encodeURIComponent(card.topic)}${anchor}`
}

/** The note editor of a user's or team's deck, on the note a card came from and its line. */
export function noteEditUrl(deck: string, path?: string, line?: number): string {
  const query = new URLSearchParams()
  if (path) query.set('path', path)
  if (line) query.set('line', String(line))
  const search = query.toString()
  return `/decks/${encodeURIComponent(deck)}/note${search ? `?${search}` : ''}`
}
