import { appCss } from './app-css'
import type { Asset } from './asset'
import { css } from './asset'
import { cardsAssets } from './cards'
import { decksAssets } from './decks'
import { examsAssets } from './exams'
import { offlineAssets } from './offline'
import { progressAssets } from './progress'
import { reviewAssets } from './review'
import { teamsAssets } from './teams'
import { timezoneAssets } from './timezone'

/**
 * Every stylesheet and script under `/assets/`. Read only by the static build
 * (`src/static/build.ts`), which writes them to `static/assets/` for Workers Static Assets and
 * the Node server: the bodies stay out of the Worker bundle.
 */
export const assets: Readonly<Record<string, Asset>> = {
  'app.css': css(appCss),
  ...reviewAssets,
  ...offlineAssets,
  ...decksAssets,
  ...cardsAssets,
  ...progressAssets,
  ...examsAssets,
  ...teamsAssets,
  ...timezoneAssets,
}

/** Cache-busting version: a short FNV-1a hash of the body. */
export function assetVersion(body: string): string {
  let h = 2166136261
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 16777619)
  return (h >>> 0).toString(36)
}
