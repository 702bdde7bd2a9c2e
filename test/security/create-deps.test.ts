import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { ConfigError } from '../../src/config'
import { createDeps } from '../../src/deps'
import { signUp, testPasswordParams } from '../helpers/app'
import { createTestDb } from '../helpers/db'

/**
 * Finding 9 (info): invite URLs followed the request's `Host` header when PUBLIC_ORIGIN was
 * unset, and `src/worker.ts` ignored PUBLIC_ORIGIN and RATE_LIMIT_PER_MINUTE. Both entries now
 * build their deps with the one `createDeps(env)`.
 */
describe('finding 9: one createDeps for both entries, and invite links that ignore Host', () => {
  it('reads PUBLIC_ORIGIN and the rate limits as strings (Node) or numbers (Worker vars)', () => {
    const database = () => undefined as never
    expect(
      createDeps(
        { PUBLIC_ORIGIN: 'https://dockdeck.example/', RATE_LIMIT_PER_MINUTE: '30', SIGN_IN_RATE_LIMIT_PER_MINUTE: '5' },
        { database },
      ),
    ).toMatchObject({
      publicOrigin: 'https://dockdeck.example',
      rateLimits: {
        address: { limit: 30, windowMs: 60_000 },
        user: { limit: 30, windowMs: 60_000 },
        signIn: { limit: 5, windowMs: 60_000 },
      },
    })
    expect(createDeps({ RATE_LIMIT_PER_MINUTE: 45 }, { database }).rateLimits?.user).toEqual({
      limit: 45,
      windowMs: 60_000,
    })
    expect(createDeps({}, { database })).toMatchObject({ rateLimits: { user: { limit: 600 }, signIn: { limit: 30 } } })
    expect(() => createDeps({ RATE_LIMIT_PER_MINUTE: 'lots' }, { database })).toThrow(ConfigError)
    expect(() => createDeps({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '0' }, { database })).toThrow(/SIGN_IN_RATE_LIMIT/)
    expect(() => createDeps({ PUBLIC_ORIGIN: 'not a url' }, { database })).toThrow(/PUBLIC_ORIGIN/)
  })

  it('every Worker builds its app with createDeps: both data Worker builds and the pages Worker', async () => {
    const { readFile } = await import('node:fs/promises')
    expect(await readFile('src/worker-entry.ts', 'utf8')).toMatch(/createDeps\(env,/)
    expect(await readFile('src/worker-web.ts', 'utf8')).toMatch(/createDeps\(env,/)
    for (const entry of ['src/worker.ts', 'src/worker-libsql.ts'])
      expect(await readFile(entry, 'utf8')).toMatch(/const worker = createWorker\(database\)/)
  })

  it('never puts a forged Host header into an invite link', async () => {
    const { db } = await createTestDb()
    const app = createApp(createDeps({}, { database: () => db }))
    const fast = createApp({ ...createDeps({}, { database: () => db }), passwordParams: testPasswordParams })
    const owner = await signUp(fast)
    const team = await owner.browser.request('/api/v1/teams', { method: 'POST', json: { name: 'Ops' } })
    const { id } = (await team.json()) as { id: string }
    const cookie = [...owner.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await app.request(`http://evil.example/api/v1/teams/${id}/invites`, {
      method: 'POST',
      headers: { cookie, host: 'evil.example', 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(201)
    const { url, code } = (await res.json()) as { url: string; code: string }
    expect(url).toBe(`/invites/${code}`)
  })
})
