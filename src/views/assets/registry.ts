import { appCss } from './app-css'
import { type Asset, css } from './asset'
import { decksAssets } from './decks'
import { examsAssets } from './exams'
import { offlineAssets } from './offline'
import { progressAssets } from './progress'
import { reviewAssets } from './review'
import { teamsAssets } from './teams'

/** Static assets are bundled as strings, so the Worker serves them without a separate asset store. */
const assets: Readonly<Record<string, Asset>> = {
  'app.css': css(appCss),
  ...reviewAssets,
  ...offlineAssets,
  ...decksAssets,
  ...progressAssets,
  ...examsAssets,
  ...teamsAssets,
}

export function getAsset(name: string): Asset | undefined {
  return assets[name]
}

/** Cache-busting version: a short hash of the body, computed once per asset. */
const versions = new Map<string, string>()
function version(body: string): string {
  let h = 2166136261
  for (let i = 0; i < body.length; i++) h = Math.imul(h ^ body.charCodeAt(i), 16777619)
  return (h >>> 0).toString(36)
}

export function assetPath(name: string): string {
  const asset = assets[name]
  if (!asset) return `/assets/${name}`
  let v = versions.get(name)
  if (!v) {
    v = version(asset.body)
    versions.set(name, v)
  }
  return `/assets/${name}?v=${v}`
}
