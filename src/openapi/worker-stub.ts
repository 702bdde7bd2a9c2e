import { sValidator } from '@hono/standard-validator'
import type { MiddlewareHandler } from 'hono'

/**
 * What the Worker bundle gets for `hono-openapi` (`[alias]` in wrangler.toml). The OpenAPI
 * document is generated at build time (`src/openapi/document.ts`), so the Worker needs only
 * validation, which hono-openapi's `validator` delegates to `sValidator` with the same hook;
 * the route descriptions are no-ops. Leaves out the JSON Schema converters and the spec builder.
 */
export const uniqueSymbol = Symbol('openapi')

export const validator = sValidator

export function describeRoute(_spec: unknown): MiddlewareHandler {
  return (_c, next) => next()
}
