import { describe, expect, it } from 'vitest'
import { parseEnv, workerEnvSchema } from '../../src/config'

const parse = (DATABASE_URL: string) => parseEnv(workerEnvSchema, { DATABASE_URL }).DATABASE_URL

describe("the Turso build's DATABASE_URL", () => {
  it('accepts libsql:// and https:// URLs of any host', () => {
    expect(parse('libsql://db-org.turso.io')).toBe('libsql://db-org.turso.io')
    expect(parse(' https://db-org.turso.io ')).toBe('https://db-org.turso.io')
  })

  it('accepts plain http:// only to this machine, where a local tursodb serves no TLS', () => {
    expect(parse('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080')
    expect(parse('http://localhost:8080')).toBe('http://localhost:8080')
    expect(parse('http://[::1]:8080')).toBe('http://[::1]:8080')
    expect(() => parse('http://db.example.com')).toThrow(/DATABASE_URL must be a Turso URL/)
    expect(() => parse('http://127.0.0.1.example.com')).toThrow(/DATABASE_URL must be a Turso URL/)
  })

  it('refuses schemes the client does not speak and URLs that are not URLs', () => {
    for (const url of ['wss://db-org.turso.io', 'file:data/dockdeck.db', 'libsql://', 'db-org.turso.io'])
      expect(() => parse(url), url).toThrow(/DATABASE_URL must be a Turso URL/)
  })
})
