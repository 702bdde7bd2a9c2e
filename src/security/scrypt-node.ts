import { scrypt as nodeScrypt } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { keyLength, type Scrypt } from './password'

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

const derive: Scrypt = (password, salt, params) =>
  new Promise((resolve, reject) => {
    const N = 2 ** params.logN
    // scrypt needs 128·N·r bytes (plus 128·r·p); node refuses above `maxmem`, 32 MiB by default.
    const maxmem = 256 * N * params.r + 128 * params.r * params.p + 1024 * 1024
    nodeScrypt(password, salt, keyLength, { N, r: params.r, p: params.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength)),
    )
  })

/**
 * `node:crypto`'s scrypt runs in libuv's thread pool, off the event loop: 12 sign-ups at once
 * used to hold every other request (`/healthz` included) for seconds while @noble/hashes
 * computed on the main thread. At most `limit` derivations run at once, so hashing never takes
 * every core, nor every pool thread (file I/O needs them too).
 */
export function createNodeScrypt(limit = Math.max(1, availableParallelism() - 1)): Scrypt {
  return limitConcurrency(derive, limit)
}
