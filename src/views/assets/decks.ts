import type { Asset } from './asset'

/** Scripts and styles of the decks pages, served at `/assets/<name>`. */
export const decksAssets: Record<string, Asset> = {}
