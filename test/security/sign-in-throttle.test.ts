import { describe, expect, it } from 'vitest'
import { slowDownMs } from '../../src/services/accounts'
import { Browser, createClock, createTestApp, signUp } from '../helpers/app'

/**
 * Finding 5 (low): anyone could lock an account out. 100 wrong passwords from one address made
 * the right password answer 429 for an hour from everywhere. Failures are now throttled per
 * account and address; per account they only slow sign-ins down.
 */
async function fixture() {
  const clock = createClock()
  const waits: number[] = []
  let address = '203.0.113.7'
  const t = await createTestApp({
    clock,
    deps: {
      clientIp: () => address,
      sleep: async (ms) => {
        waits.push(ms)
      },
    },
  })
  const owner = await signUp(t.app)
  const from = (ip: string) => {
    address = ip
    return new Browser(t.app)
  }
  const signIn = (ip: string, password: string) =>
    from(ip).request('/api/v1/auth/login', { method: 'POST', json: { email: owner.email, password } })
  return { ...t, clock, waits, owner, from, signIn }
}

describe('finding 5: an attacker cannot lock an account out', () => {
  it("lets the owner in from a fresh address after an attacker's 100 failed sign-ins, only slowed down", async () => {
    const { clock, waits, owner, signIn } = await fixture()
    for (let i = 0; i < 100; i++) {
      // Ten addresses, ten failures each, ten seconds apart: under every per-minute limit.
      const res = await signIn(`198.51.100.${i % 10}`, 'wrong password here')
      expect(res.status, `attempt ${i + 1}`).toBe(401)
      clock.advance(10_000)
    }
    waits.length = 0
    const owners = await signIn('192.0.2.44', owner.password)
    expect(owners.status).toBe(200)
    expect(waits, 'slowed down by the 100 failures on the account').toEqual([2000])
    // The attacker's addresses have spent their tries on this account.
    expect((await signIn('198.51.100.3', owner.password)).status).toBe(429)
  })

  it("refuses the attacker's address with 429 and Retry-After, and the sign-in page says when to come back", async () => {
    const { clock, owner, from, signIn } = await fixture()
    const attacker = '198.51.100.66'
    for (let i = 0; i < 10; i++) {
      const res = await from(attacker).submit('/signin', { email: owner.email, password: 'wrong password here' })
      expect(res.status, `attempt ${i + 1}`).toBe(401)
      clock.advance(10_000)
    }
    const page = await from(attacker).submit('/signin', { email: owner.email, password: 'wrong password here' })
    expect(page.status).toBe(429)
    // The oldest failure leaves the hour in 3600 − 100 s.
    expect(page.headers.get('retry-after')).toBe('3500')
    expect(await page.text()).toContain(
      'Too many failed sign-ins to this account from your address: try again in 59 minutes.',
    )

    // Even the right password from that address waits; the API says so too.
    const api = await signIn(attacker, owner.password)
    expect(api.status).toBe(429)
    expect(api.headers.get('retry-after')).toBe('3500')
    expect(await api.json()).toMatchObject({ code: 'too_many_requests', retryAfter: 3500 })
    clock.advance(3500_000)
    expect((await signIn(attacker, owner.password)).status).toBe(200)
  })

  it('slows an account down only past 10 failures, by 100 ms a failure, at most 2 s', () => {
    expect([0, 10, 11, 15, 30, 100, 1000].map(slowDownMs)).toEqual([0, 0, 100, 500, 2000, 2000, 2000])
  })
})
