import { Hono } from 'hono'
import { uniqueSymbol } from 'hono-openapi'
import { describe, expect, it } from 'vitest'
import { describedRoutes } from '../../src/openapi/document'
import { operations } from '../../src/openapi/operations'
import { apiRoutes } from '../../src/routes/api'

const noop = () => new Response()

describe('the operation descriptions kept beside the OpenAPI generator', () => {
  it('describe every /api/v1 operation the routes serve, and nothing else', () => {
    const served = new Set(apiRoutes.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))
    expect(Object.keys(operations).sort()).toEqual([...served].sort())
  })

  it('go before the first handler of their route, once, where describeRoute would stand', () => {
    const app = new Hono().get('/a', noop, noop).post('/a', noop)
    const { routes } = describedRoutes(app.routes, { 'GET /a': { summary: 'A' } })
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /a', 'GET /a', 'GET /a', 'POST /a'])
    expect((routes[0]?.handler as unknown as Record<symbol, unknown> | undefined)?.[uniqueSymbol]).toEqual({
      spec: { summary: 'A' },
    })
    expect(routes.slice(1).map((r) => r.handler)).toEqual(app.routes.map((r) => r.handler))
  })

  it('refuse a description whose route does not exist, naming it', () => {
    const app = new Hono().get('/a', noop)
    expect(() => describedRoutes(app.routes, { 'GET /a': {}, 'PUT /a': {}, 'GET /b': {} })).toThrow(
      'OpenAPI operations describe no route: PUT /a, GET /b',
    )
  })
})
