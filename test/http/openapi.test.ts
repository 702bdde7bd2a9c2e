import { createConfig, lintFromString } from '@redocly/openapi-core'
import type { OpenAPIV3_1 } from 'openapi-types'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { createTestApp } from '../helpers/app'

type Document = OpenAPIV3_1.Document
const methods = ['get', 'put', 'post', 'delete', 'patch'] as const

async function document(): Promise<Document> {
  const { app } = await createTestApp()
  const res = await app.request('/api/openapi.json')
  expect(res.status).toBe(200)
  return (await res.json()) as Document
}

function operations(doc: Document): Map<string, OpenAPIV3_1.OperationObject> {
  const ops = new Map<string, OpenAPIV3_1.OperationObject>()
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const method of methods) {
      const op = item?.[method]
      if (op) ops.set(`${method.toUpperCase()} ${path}`, op)
    }
  return ops
}

/** Every method + path the app routes under /api/v1, in OpenAPI's `{param}` form, relative to the server URL. */
function servedApiRoutes(): string[] {
  const app = createApp({ database: () => undefined as never })
  const served = app.routes
    .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')}`)
  return [...new Set(served)].sort()
}

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended-strict rules with no problem at all", async () => {
    const doc = await document()
    expect(doc.openapi).toBe('3.1.0')
    // The package declares no licence, so the document names none.
    const config = await createConfig({ extends: ['recommended-strict'], rules: { 'info-license': 'off' } })
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config })
    expect(problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([])
  })

  it('describes exactly the routes the app serves under /api/v1', async () => {
    const doc = await document()
    expect(doc.servers).toEqual([{ url: '/api/v1' }])
    const served = servedApiRoutes()
    expect(served.length).toBeGreaterThanOrEqual(30)
    expect([...operations(doc).keys()].sort()).toEqual(served)
  })

  it('gives every operation a tag, a summary, and its auth: the token scope, cookie only, or none', async () => {
    const ops = operations(await document())
    for (const [key, op] of ops) {
      expect(op.tags?.length, key).toBeGreaterThan(0)
      expect(op.summary, key).toBeTruthy()
      expect(op.security, key).toBeDefined()
    }
    expect(ops.get('POST /teams')?.security).toEqual([{ cookieAuth: [] }, { bearerAuth: ['teams:write'] }])
    expect(ops.get('GET /checks/{id}/results')?.security).toEqual([{ cookieAuth: [] }, { bearerAuth: ['checks:read'] }])
    expect(ops.get('POST /checks/{id}/submissions')?.responses?.['409']).toBeDefined()
    expect(ops.get('POST /tokens')?.security).toEqual([{ cookieAuth: [] }])
    expect(ops.get('POST /auth/register')?.security).toEqual([])
    const body = ops.get('POST /teams/{id}/checks')?.requestBody as OpenAPIV3_1.RequestBodyObject
    const schema = body.content['application/json']?.schema as OpenAPIV3_1.SchemaObject
    expect(schema.required).toEqual(expect.arrayContaining(['title', 'deck', 'questionCount']))
    expect(schema.properties?.format).toMatchObject({ enum: ['mcq', 'mixed'] })
  })

  it('renders /api/docs from the same document, one section per operation, with nothing inline', async () => {
    const doc = await document()
    const { app } = await createTestApp()
    const res = await app.request('/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await res.text()
    expect(html.match(/class="card op"/g)).toHaveLength(operations(doc).size)
    for (const path of Object.keys(doc.paths ?? {})) expect(html).toContain(`/api/v1${path}`)
    expect(html).toContain('<code class="scope">checks:write</code>')
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)|\sstyle=|\son[a-z]+=/)
    expect(html).not.toMatch(/(src|href)="https?:/)
    // One file for every reader: its header offers neither sign-in to a signed-in reader nor a
    // sign-out form a signed-out reader could not use.
    const header = /<header class="site">[\s\S]*?<\/header>/.exec(html)?.[0] ?? ''
    expect(header).toContain('href="/account"')
    expect(header).not.toMatch(/href="\/signin"|action="\/signout"/)
  })
})
