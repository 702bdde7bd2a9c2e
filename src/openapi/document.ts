import type { Hono } from 'hono'
import { describeRoute, generateSpecs } from 'hono-openapi'
import type { OpenAPIV3_1 } from 'openapi-types'
import { apiRoutes } from '../routes/api'
import { operations } from './operations'
import type { Operations } from './operations/types'

export type ApiDocument = OpenAPIV3_1.Document

const problem = { $ref: '#/components/schemas/Problem' }
const problemResponse = (description: string): OpenAPIV3_1.ResponseObject => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
})

const documentation = {
  openapi: '3.1.0',
  info: {
    title: 'dockdeck API',
    version: '1.0.0',
    description:
      'Spaced-repetition review, exams and team knowledge checks. Authenticate with the session cookie of ' +
      'a signed-in browser or with `Authorization: Bearer <token>`; a token needs the scopes listed on ' +
      'each operation. Errors are RFC 9457 problem documents. See docs/api.md.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ cookieAuth: [] }, { bearerAuth: [] }] as OpenAPIV3_1.SecurityRequirementObject[],
  components: {
    securitySchemes: {
      cookieAuth: { type: 'apiKey', in: 'cookie', name: 'dockdeck_session' },
      bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal API token (`dd_…`) with scopes' },
    },
    schemas: {
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail', 'code'],
        properties: {
          type: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          code: { type: 'string' },
          instance: { type: 'string' },
          field: { type: 'string', description: 'The request field at fault' },
          scope: { type: 'string', description: 'The scope the token lacks (403 missing_scope)' },
        },
      },
    },
  },
} satisfies Partial<OpenAPIV3_1.Document>

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const

/** Every operation gets its error responses; public ones say so with an empty `security`. */
function completeOperation(operation: OpenAPIV3_1.OperationObject) {
  operation.responses ??= {}
  const responses = operation.responses as Record<string, OpenAPIV3_1.ResponseObject>
  if (!Object.keys(responses).some((status) => status.startsWith('2'))) responses['200'] = { description: 'Success' }
  for (const [status, response] of Object.entries(responses))
    if (!response.description) response.description = status.startsWith('2') ? 'Success' : 'Error'
  const security = operation.security ?? []
  if (security.length === 0) operation.security = []
  else {
    responses['401'] ??= problemResponse('Not signed in, or the token is unknown, revoked or expired')
    const scoped = security.some((s) => (s.bearerAuth?.length ?? 0) > 0)
    responses['403'] ??= problemResponse(scoped ? 'The token lacks the scope, or the role is not enough' : 'Forbidden')
  }
  responses['429'] ??= problemResponse('Rate limit exceeded: see Retry-After and RateLimit')
}

/**
 * `apiRoutes` with each operation's description (`./operations`) put before the route's first
 * handler, where a `describeRoute(…)` on the route would stand, so hono-openapi merges it first.
 * A description whose route does not exist is an error: the document would silently lack it.
 */
export function describedRoutes(routes: Hono['routes'], descriptions: Operations): Hono {
  const described = new Set<string>()
  const withDescriptions: Hono['routes'] = []
  for (const route of routes) {
    const key = `${route.method} ${route.path}`
    const spec = descriptions[key]
    if (spec && !described.has(key)) {
      described.add(key)
      withDescriptions.push({ ...route, handler: describeRoute(spec) })
    }
    withDescriptions.push(route)
  }
  const unknown = Object.keys(descriptions).filter((key) => !described.has(key))
  if (unknown.length > 0) throw new Error(`OpenAPI operations describe no route: ${unknown.join(', ')}`)
  // generateSpecs reads only `routes`.
  return { routes: withDescriptions } as unknown as Hono
}

/**
 * The API description, generated from the operations' descriptions (`./operations`), the
 * routes' `auth` and their valibot schemas.
 * Run at build time by the static build (`src/static/build.ts`), which writes it to
 * `static/api/openapi.json`: the generator (valibot-to-JSON-Schema and hono-openapi's spec
 * builder, about 10 KB gzip) stays out of the Worker.
 */
export async function buildApiDocument(): Promise<ApiDocument> {
  const document = (await generateSpecs(describedRoutes(apiRoutes.routes, operations), {
    documentation,
    defaultValidationErrorResponse: problemResponse('The request is invalid: `field` names what is wrong'),
  })) as ApiDocument
  for (const item of Object.values(document.paths ?? {}))
    for (const method of methods) {
      const operation = item?.[method]
      if (operation) completeOperation(operation)
    }
  return document
}
