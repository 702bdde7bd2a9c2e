import type { Db } from '../db/index'
import { type DataBinding, receiveAnswer, sendArgs } from './protocol'

const handles = new WeakMap<object, { binding: DataBinding; deps: object }>()

/**
 * The pages' Worker's `c.var.db`: no database, a handle on the data Worker (its `DATA` service
 * binding) that `#data`'s functions find in their first argument. Anything else that tries to
 * use it as a database fails at once, naming the function to go through instead.
 */
export function remoteDatabase(binding: DataBinding | undefined, deps: object): Db {
  if (!binding) throw new Error('the pages Worker has no DATA service binding: see wrangler.web.toml')
  const handle = new Proxy(Object.create(null) as object, {
    get(_target, property) {
      if (typeof property === 'symbol' || property === 'then') return undefined
      throw new TypeError(`the pages Worker has no database (db.${property}): call a function of #data instead`)
    },
  })
  handles.set(handle, { binding, deps })
  return handle as Db
}

/**
 * A `#data` function of the same name, run by the data Worker. Only async functions qualify: a
 * remote call always answers with a promise, so a synchronous one (a pure helper) would hand its
 * caller a promise where it expects a value. Such a helper belongs in a module of its own.
 */
export function remote<F extends (...args: never[]) => Promise<unknown>>(name: string): F {
  return (async (...args: unknown[]) => {
    const first = args[0] as { db?: unknown } | undefined
    const db = (first && handles.has(first) ? first : first?.db) as object | undefined
    const found = db && handles.get(db)
    if (!found) throw new TypeError(`#data.${name}: its first argument is neither the database nor a request context`)
    return receiveAnswer(await found.binding.call(name, sendArgs(args, db, found.deps)))
  }) as unknown as F
}
