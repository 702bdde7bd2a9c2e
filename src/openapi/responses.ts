import type { OpenAPIV3_1 } from 'openapi-types'

type Responses = Record<string, OpenAPIV3_1.ResponseObject>

const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }

/** Error responses by status, each a problem document. */
export function errors(...sets: Record<number, string>[]): Responses {
  const out: Responses = {}
  for (const set of sets)
    for (const [status, description] of Object.entries(set)) out[status] = { description, content: problem }
  return out
}

/** A team or check of another team answers 404, the same as one that does not exist. */
export const notMember = { 404: 'Not found, or not a team of yours' }

export const ok = (description: string, ...sets: Record<number, string>[]): Responses => ({
  200: { description },
  ...errors(...sets),
})

export const created = (description: string, ...sets: Record<number, string>[]): Responses => ({
  201: { description },
  ...errors(...sets),
})
