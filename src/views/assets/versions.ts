import versions from './versions.json'

/**
 * `/assets/<name>?v=<hash of the body>`: the URL a page links, cached for a year because it
 * changes with the body. `versions.json` is written by the static build (`npm run static`, run by
 * `npm start`, `npm test` and `npm run build`) from the same bodies it writes to `static/assets/`,
 * so the Worker knows the versions without carrying the bodies.
 */
export function assetPath(name: string): string {
  const version = (versions as Readonly<Record<string, string>>)[name]
  return version ? `/assets/${name}?v=${version}` : `/assets/${name}`
}
