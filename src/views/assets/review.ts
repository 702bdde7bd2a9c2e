import type { Asset } from './asset'

/** Scripts and styles of the review pages, served at `/assets/<name>`. */
export const reviewAssets: Record<string, Asset> = {}
