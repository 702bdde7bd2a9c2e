import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTestApp, signUp } from '../helpers/app'
import { seedDeck } from '../helpers/cards'

/** Tables whose row counts must not change when a request is refused. */
const tables = [
  'users',
  'sessions',
  'api_tokens',
  'decks',
  'topics',
  'cards',
  'card_states',
  'review_logs',
  'idempotency_keys',
  'exams',
  'exam_answers',
  'teams',
  'team_members',
  'team_invites',
  'checks',
  'check_submissions',
]

const nasty = [
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\uFFFF\uD800',
  '𝕯𝖔𝖈𝖐𝖊𝖗',
  'a'.repeat(5000),
  '{{c1::x}}',
  '1e400',
  '-1',
  'NaN',
]

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...nasty),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1, -0, true, false, null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'email',
        'password',
        'name',
        'cardId',
        'rating',
        'deck',
        'topics',
        'count',
        'choice',
        'answers',
        'title',
        'questionCount',
        'format',
        'scopes',
        'text',
        'judgement',
        'optionId',
        'minutes',
        'passMark',
        'examDate',
        'timezone',
        'desiredRetention',
        '__proto__',
        'constructor',
      ),
      tie('value'),
      { maxKeys: 6 },
    ),
  ),
})).value

const segment = fc.oneof(
  fc.constantFrom(...nasty.filter((n) => !/[\uD800-\uDFFF]/.test(n)).map(encodeURIComponent)),
  fc.stringMatching(/^[\w-]{1,40}$/),
  fc.constant('docker-architecture-000'),
)

async function rowCounts(db: Awaited<ReturnType<typeof createTestApp>>['db']) {
  const client = (db as unknown as { $client: { execute(sql: string): Promise<{ rows: { n: number }[] }> } }).$client
  const counts: Record<string, number> = {}
  for (const table of tables)
    counts[table] = Number((await client.execute(`select count(*) n from ${table}`)).rows[0]?.n)
  return counts
}

describe('hostile input on every /api/v1 route', () => {
  it('never answers 5xx, answers every 4xx with problem+json, and writes nothing when it refuses', async () => {
    const t = await createTestApp()
    await seedDeck(t.db)
    const { browser } = await signUp(t.app)
    const routes = t.app.routes.filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
    const unique = [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()]
    expect(unique.length).toBeGreaterThan(10)
    for (const route of unique) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(segment, { minLength: 3, maxLength: 3 }),
          jsonValue,
          fc.dictionary(
            fc.constantFrom('deck', 'topic', 'format', 'mode', 'count'),
            fc.constantFrom(...nasty, 'docker', 'csv'),
          ),
          fc.constantFrom(
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
          ),
          async (segments, body, query, contentType) => {
            let i = 0
            const path = route.path.replace(/:(\w+)/g, () => segments[i++ % segments.length] ?? 'x')
            const search = new URLSearchParams(query).toString()
            const before = await rowCounts(t.db)
            const res = await browser.request(`${path}${search ? `?${search}` : ''}`, {
              method: route.method,
              headers: { 'content-type': contentType, 'idempotency-key': 'k'.repeat(3) },
              body: route.method === 'GET' || route.method === 'HEAD' ? undefined : JSON.stringify(body),
            })
            expect(res.status, `${route.method} ${path} → ${res.status}`).toBeLessThan(500)
            if (res.status >= 400) {
              expect(res.headers.get('content-type'), `${route.method} ${path}`).toMatch(/^application\/problem\+json/)
              const problem = (await res.json()) as { status: number; detail: string }
              expect(problem.status).toBe(res.status)
              expect(await rowCounts(t.db), `${route.method} ${path} wrote while refusing`).toEqual(before)
            } else await res.arrayBuffer()
          },
        ),
        { numRuns: Number(process.env.HOSTILE_RUNS ?? 12), seed: 20261127 },
      )
    }
  }, 300_000)
})

describe('named hostile cases', () => {
  it('refuses deeply nested JSON, invalid UTF-8 and huge numbers with 4xx problems', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const cases: Array<[string, BodyInit]> = [
      ['nested', `${'['.repeat(30_000)}${']'.repeat(30_000)}`],
      ['invalid utf-8', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
      ['huge number', '{"cardId":"x","rating":"good","durationMs":1e400}'],
      ['not an object', '"just a string"'],
      ['prototype pollution', '{"__proto__":{"admin":true},"cardId":"x","rating":"good"}'],
    ]
    for (const [label, body] of cases) {
      const res = await browser.request('/api/v1/reviews', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      expect(res.status, label).toBeGreaterThanOrEqual(400)
      expect(res.status, label).toBeLessThan(500)
      expect(res.headers.get('content-type'), label).toMatch(/problem\+json/)
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })

  it('refuses a body over 64 KiB on every JSON route before reading it', async () => {
    const { app } = await createTestApp()
    const { browser } = await signUp(app)
    const res = await browser.request('/api/v1/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cardId: 'x', rating: 'good', pad: 'x'.repeat(70_000) }),
    })
    expect(res.status).toBe(413)
  })
})
