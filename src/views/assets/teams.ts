import type { Asset } from './asset'

/** Scripts and styles of the teams pages, served at `/assets/<name>`. */
export const teamsAssets: Record<string, Asset> = {}
