import { securityHeaders } from '../middleware/security-headers'

/** Response headers for files under one URL pattern (`/assets/*` or an exact path). */
interface StaticRule {
  pattern: string
  headers: Readonly<Record<string, string>>
}

/**
 * How the static files are served, on both runtimes: Workers Static Assets read it from the
 * `_headers` file the static build writes, the Node server applies it through `headersFor`.
 * No header appears in two rules: Cloudflare joins repeated headers with a comma.
 * @see https://developers.cloudflare.com/workers/static-assets/headers/
 */
export const staticRules: readonly StaticRule[] = [
  // Pages link `/assets/<name>?v=<hash of the body>`: a new body is a new URL.
  { pattern: '/assets/*', headers: { 'cache-control': 'public, max-age=31536000, immutable' } },
  // The service worker at the root so its scope covers `/review`; revalidated on every check.
  { pattern: '/sw.js', headers: { 'cache-control': 'no-cache', 'service-worker-allowed': '/' } },
  {
    pattern: '/manifest.webmanifest',
    headers: { 'content-type': 'application/manifest+json', 'cache-control': 'no-cache' },
  },
  // Asked for by every browser whatever the page links; the file is our SVG mark.
  { pattern: '/favicon.ico', headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' } },
  { pattern: '/icon.svg', headers: { 'cache-control': 'public, max-age=86400' } },
  // The API description and its reference page change with each deploy.
  { pattern: '/api/*', headers: { 'cache-control': 'no-cache' } },
]

function matches(pattern: string, path: string): boolean {
  return pattern.endsWith('/*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern
}

/** The headers the rules give one URL path (security headers aside: the app's middleware sets those on Node). */
export function headersFor(path: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const rule of staticRules) if (matches(rule.pattern, path)) Object.assign(headers, rule.headers)
  return headers
}

/** The `_headers` file: the security headers on every static file, then the rules. */
export function headersFile(): string {
  const block = (pattern: string, headers: Readonly<Record<string, string>>) =>
    `${pattern}\n${Object.entries(headers)
      .map(([name, value]) => `  ${name}: ${value}\n`)
      .join('')}`
  return [block('/*', securityHeaders), ...staticRules.map((rule) => block(rule.pattern, rule.headers))].join('\n')
}
