import { WorkerEntrypoint } from 'cloudflare:workers'
import type { ExecutionContext } from 'hono'
import * as data from './data'
import type { Bindings } from './env'
import { type DataAnswer, receiveArgs, sendError } from './web/protocol'
import type { createWorker } from './worker-entry'

type DataFunction = (...args: unknown[]) => Promise<unknown>

/**
 * The data Worker's RPC entrypoint, `Data`: the pages Worker's `DATA` service binding. `call`
 * runs one function of `#data` (src/data.ts, nothing else) with this Worker's database and
 * deps; `fetch` serves the API it forwards. Reachable only through a service binding, never
 * from the internet.
 */
export function dataEntrypoint(worker: ReturnType<typeof createWorker>) {
  return class Data extends WorkerEntrypoint<Bindings> {
    fetch(request: Request): Promise<Response> | Response {
      return worker.fetch(request, this.env, this.ctx as ExecutionContext)
    }

    async call(name: string, args: unknown[]): Promise<DataAnswer> {
      const fn = Object.hasOwn(data, name) ? (data as Record<string, unknown>)[name] : undefined
      if (typeof fn !== 'function') throw new TypeError(`#data has no function "${name}"`)
      const deps = worker.depsFor(this.env)
      if (deps instanceof Response) throw new Error(`the data Worker is not configured: ${await deps.text()}`)
      const db = deps.database(this.env, deps)
      try {
        return { value: await (fn as DataFunction)(...receiveArgs(args, db, deps as Record<string, unknown>)) }
      } catch (error) {
        return sendError(error)
      }
    }
  }
}
