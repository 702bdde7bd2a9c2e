import { describe, expect, it } from 'vitest'
import { passwordLength, weakPasswordReason } from '../../src/security/password-policy'
import { Browser, createTestApp } from '../helpers/app'

/**
 * Finding 7 (low): the password rules ran before NFKC normalisation and counted UTF-16 units.
 * Full-width `ｐａｓｓｗｏｒｄ１２３４` was accepted and then signed in as `password1234`, and
 * combining marks stretched short or repeated passwords past the length and repeat rules. Now
 * the rules judge the NFKC form, lengths count code points, and sign-in normalises the same way.
 */

const fullWidth = (ascii: string) =>
  [...ascii].map((c) => (c === ' ' ? '\u3000' : String.fromCodePoint(c.codePointAt(0)! + 0xfee0))).join('')

let counter = 0
async function register(app: Awaited<ReturnType<typeof createTestApp>>['app'], password: string) {
  const browser = new Browser(app)
  const email = `nfkc${++counter}@example.com`
  const res = await browser.request('/api/v1/auth/register', { method: 'POST', json: { email, password } })
  return { res, body: (await res.json()) as { field?: string; detail?: string }, email }
}

const signIn = (app: Awaited<ReturnType<typeof createTestApp>>['app'], email: string, password: string) =>
  new Browser(app).request('/api/v1/auth/login', { method: 'POST', json: { email, password } })

describe('finding 7: password rules judge the NFKC form, counting code points', () => {
  it('judges full-width ｐａｓｓｗｏｒｄ１２３４ as password1234, and refuses it', async () => {
    const { app } = await createTestApp()
    expect(fullWidth('password1234')).toBe('ｐａｓｓｗｏｒｄ１２３４')
    const { res, body } = await register(app, 'ｐａｓｓｗｏｒｄ１２３４')
    expect(res.status).toBe(400)
    expect(body).toMatchObject({ field: 'password', detail: expect.stringContaining('most common') })
  })

  it('does not let combining marks hide a common or repeated password', () => {
    const underlined = (text: string) => [...text].map((c) => `${c}\u0332`).join('')
    expect(weakPasswordReason(underlined('password1234'))).toMatch(/most common/)
    expect(weakPasswordReason(underlined('aaaaaaaaaaaa'))).toMatch(/repeated/)
    expect(weakPasswordReason('a\u0332'.repeat(12))).toMatch(/repeated/)
    expect(weakPasswordReason('\u{1F600}'.repeat(12))).toMatch(/repeated/)
    expect(weakPasswordReason(underlined('bcdefghijklm'))).toMatch(/run/)
    expect(weakPasswordReason(fullWidth('qwertyuiopas'))).toMatch(/most common|run/)
    expect(weakPasswordReason('correct horse battery staple')).toBeUndefined()
  })

  it('counts decomposed accents once, so they cannot stretch a short password past 12', async () => {
    const { app } = await createTestApp()
    // 12 UTF-16 units as typed, 9 characters once the accents are composed.
    const stretched = 'Ame\u0301lie\u0301Zoe\u0308'
    expect(stretched.length).toBe(12)
    expect(passwordLength(stretched)).toBe(9)
    const { res, body } = await register(app, stretched)
    expect(res.status).toBe(400)
    expect(body).toMatchObject({ field: 'password', detail: 'password: must be at least 12 characters' })
  })

  it('counts an emoji as one character, so a 128-character passphrase of them signs up and signs in', async () => {
    const { app } = await createTestApp()
    const faces = Array.from({ length: 64 }, (_, i) => String.fromCodePoint(0x1f600 + (i % 64)))
    const password = faces.join('').repeat(2)
    expect(password.length).toBe(256)
    expect(passwordLength(password)).toBe(128)
    const { res, email } = await register(app, password)
    expect(res.status).toBe(201)
    expect((await signIn(app, email, password)).status).toBe(200)
    expect((await register(app, `${password}!`)).body).toMatchObject({ field: 'password' })
  })

  it('signs in with either form of a password, as both are the same after NFKC', async () => {
    const { app } = await createTestApp()
    const { res, email } = await register(app, fullWidth('quiet harbour lantern'))
    expect(res.status).toBe(201)
    expect((await signIn(app, email, 'quiet harbour lantern')).status).toBe(200)
    expect((await signIn(app, email, fullWidth('quiet harbour lantern'))).status).toBe(200)
    expect((await signIn(app, email, 'quiet harbour lanterns')).status).toBe(401)
  })
})
