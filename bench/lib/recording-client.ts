import type { Client, InStatement } from '@libsql/client'

export type Recorded = { kind: 'execute'; stmt: InStatement } | { kind: 'batch'; stmts: InStatement[] }

/**
 * Wraps a libSQL client so every statement the app sends is recorded in order, grouped by the
 * `mark()` calls made between requests. Replaying the groups on a copy of the starting database
 * gives the "floor": the same SQL work with no HTTP, routing, validation or rendering around it.
 */
export function recordingClient(client: Client) {
  const groups: Recorded[][] = []
  let current: Recorded[] | null = null
  const proxy = new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'execute')
        return (stmt: InStatement) => {
          current?.push({ kind: 'execute', stmt })
          return target.execute(stmt)
        }
      if (prop === 'batch')
        return (stmts: InStatement[], mode?: 'write' | 'read' | 'deferred') => {
          current?.push({ kind: 'batch', stmts })
          return target.batch(stmts, mode)
        }
      const value = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return {
    client: proxy,
    groups,
    mark() {
      current = []
      groups.push(current)
    },
    stop() {
      current = null
    },
  }
}

export async function replay(client: Client, group: Recorded[]): Promise<void> {
  for (const item of group) {
    if (item.kind === 'execute') await client.execute(item.stmt)
    else await client.batch(item.stmts, 'write')
  }
}
