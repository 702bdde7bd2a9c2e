import { availableParallelism } from 'node:os'
import { cryptoScrypt, type Scrypt } from './password'

/** Wraps `fn` so at most `limit` calls run at once; the rest wait in line, first come first served. */
export function limitConcurrency<A extends unknown[], R>(fn: (...args: A) => Promise<R>, limit: number) {
  let running = 0
  const waiting: (() => void)[] = []
  return async (...args: A): Promise<R> => {
    // A finishing call hands its slot straight to the next in line, so none slips past.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    else running++
    try {
      return await fn(...args)
    } finally {
      const next = waiting.shift()
      if (next) next()
      else running--
    }
  }
}

/**
 * `node:crypto`'s scrypt runs in libuv's thread pool, off the event loop: 12 sign-ups at once
 * used to hold every other request (`/healthz` included) for seconds while @noble/hashes
 * computed on the main thread. At most `limit` derivations run at once, so hashing never takes
 * every core, nor every pool thread (file I/O needs them too).
 */
export function createNodeScrypt(limit = Math.max(1, availableParallelism() - 1)): Scrypt {
  return limitConcurrency(cryptoScrypt, limit)
}
