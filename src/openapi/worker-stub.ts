import { sValidator } from '@hono/standard-validator'

/**
 * What the Worker bundle gets for `hono-openapi` (`[alias]` in wrangler.toml). The OpenAPI
 * document is generated at build time (`src/openapi/document.ts`), so the Worker needs only
 * validation, which hono-openapi's `validator` delegates to `sValidator` with the same hook.
 * Leaves out the JSON Schema converters and the spec builder. There is no `describeRoute`: route
 * descriptions live in `src/openapi/operations/`, which only the generator imports, so a
 * `describeRoute(…)` on a route fails the Worker build instead of shipping its text.
 */
export const uniqueSymbol = Symbol('openapi')

export const validator = sValidator
