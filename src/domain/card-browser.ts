/** What the card browser filters and sorts by (the API's `state` and `sort`, the page's choices). */
export const browserStates = ['new', 'learning', 'review', 'suspended', 'buried', 'leech'] as const
export type BrowserState = (typeof browserStates)[number]

export const browserSorts = ['position', 'relevance', 'due', 'lapses', 'difficulty', 'retrievability'] as const
export type BrowserSort = (typeof browserSorts)[number]
