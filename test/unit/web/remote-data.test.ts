import { describe, expect, it } from 'vitest'
import * as data from '../../../src/data'
import { SchedulingError } from '../../../src/domain/scheduling/errors'
import { AppError } from '../../../src/errors'
import { receiveAnswer, receiveArgs, sendArgs, sendError } from '../../../src/web/protocol'
import { remote, remoteDatabase } from '../../../src/web/remote'
import * as remoteData from '../../../src/web/remote-data'

/** What crosses a service binding: Workers RPC copies values with the structured clone algorithm. */
const overRpc = <T>(value: T): T => structuredClone(value)

describe('#data in the pages Worker', () => {
  it('has, under the same names, every function of src/data.ts and nothing else', () => {
    expect(Object.keys(remoteData).sort()).toEqual(Object.keys(data).sort())
    for (const fn of Object.values(data)) expect(typeof fn).toBe('function')
  })

  it('sends the database handle and the deps by name, and every other value as it is', () => {
    const db = { handle: true }
    const mailer = { send: () => undefined }
    const scrypt = () => undefined
    const deps = { mailer, scrypt, signingKey: 'k' }
    const context = { db, now: 5, userId: 'u1', settings: { dayStartHour: 4 } }
    const args = [context, { passwordParams: { N: 2 }, scrypt }, deps, mailer, new Date(7), [db], 'x', undefined]
    const sent = overRpc(sendArgs(args, db, deps))
    const ownDb = { own: true }
    const ownDeps = { mailer: { own: 'mailer' }, scrypt: 'own scrypt', signingKey: 'k' }
    expect(receiveArgs(sent, ownDb, ownDeps)).toEqual([
      { db: ownDb, now: 5, userId: 'u1', settings: { dayStartHour: 4 } },
      { passwordParams: { N: 2 }, scrypt: 'own scrypt' },
      ownDeps,
      ownDeps.mailer,
      new Date(7),
      [ownDb],
      'x',
      undefined,
    ])
  })

  it('refuses to send a function it does not know: the data Worker could not call it', () => {
    expect(() => sendArgs([{ db: 1 }, () => 1], 1, {})).toThrow(/function cannot be sent/)
  })

  it('gives the pages the errors they catch, as their own classes, and keeps others as errors', () => {
    const app = overRpc(sendError(new AppError(409, 'stale_state', 'changed', { field: 'card', extra: { v: 2 } })))
    const thrown = (() => {
      try {
        receiveAnswer(app)
      } catch (error) {
        return error
      }
    })()
    expect(thrown).toBeInstanceOf(AppError)
    expect(thrown).toMatchObject({ status: 409, code: 'stale_state', message: 'changed', options: { field: 'card' } })
    const scheduling = overRpc(sendError(new SchedulingError('undo_mismatch', 'no')))
    expect(() => receiveAnswer(scheduling)).toThrow(SchedulingError)
    expect(() => sendError(new TypeError('bug'))).toThrow(TypeError)
    expect(receiveAnswer(overRpc({ value: { topics: new Map([['a', 1]]) } }))).toEqual({ topics: new Map([['a', 1]]) })
  })

  it('calls the data Worker through the handle found in the first argument, and nothing uses the handle as a database', async () => {
    const calls: [string, unknown[]][] = []
    const binding = {
      call: async (name: string, args: unknown[]) => {
        calls.push([name, args])
        return { value: `${name} done` }
      },
      fetch: async () => new Response(null),
    }
    const deps = { signingKey: 'k' }
    const db = remoteDatabase(binding, deps)
    const listDecks = remote<(db: unknown, userId: string) => Promise<string>>('listDecks')
    expect(await listDecks(db, 'u1')).toBe('listDecks done')
    const loadToday = remote<(ctx: unknown) => Promise<string>>('loadToday')
    expect(await loadToday({ db, now: 1 })).toBe('loadToday done')
    expect(calls).toEqual([
      ['listDecks', [{ '\u0000ref': 'db' }, 'u1']],
      ['loadToday', [{ db: { '\u0000ref': 'db' }, now: 1 }]],
    ])
    await expect(listDecks({ now: 1 }, 'u1')).rejects.toThrow(/neither the database nor a request context/)
    expect(() => (db as unknown as { select: () => void }).select()).toThrow(/has no database \(db\.select\)/)
    expect(() => remoteDatabase(undefined, deps)).toThrow(/no DATA service binding/)
  })
})
