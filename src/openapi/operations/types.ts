import type { DescribeRouteOptions } from 'hono-openapi'

/** Route descriptions keyed by method and path under `/api/v1`, as Hono spells them: `'POST /reviews/undo'`. */
export type Operations = Record<string, DescribeRouteOptions>
