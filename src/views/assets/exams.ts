import type { Asset } from './asset'

/** Scripts and styles of the exams pages, served at `/assets/<name>`. */
export const examsAssets: Record<string, Asset> = {}
