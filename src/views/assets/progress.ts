import type { Asset } from './asset'

/** Scripts and styles of the progress pages, served at `/assets/<name>`. */
export const progressAssets: Record<string, Asset> = {}
