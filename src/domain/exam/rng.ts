/** A source of uniform numbers in [0, 1). Injected everywhere randomness is needed. */
export type Rng = () => number

/**
 * A seeded generator, so an exam can be rebuilt exactly from its seed.
 * The string is hashed with xmur3 into the state of mulberry32 (both public domain,
 * by bryc): tiny, fast and well distributed; not for cryptography.
 *
 * @see https://github.com/bryc/code/blob/master/jshash/PRNGs.md
 */
export function createRng(seed: string): Rng {
  let state = xmur3(seed)
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A well-mixed 32-bit hash of a string (xmur3), e.g. to rank items in a seeded random order. */
export function hash32(text: string): number {
  return xmur3(text)
}

function xmur3(text: string): number {
  let h = 1779033703 ^ text.length
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507)
  h = Math.imul(h ^ (h >>> 13), 3266489909)
  return (h ^ (h >>> 16)) >>> 0
}

/** An integer in [0, n). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n)
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1)
    const tmp = out[i] as T
    out[i] = out[j] as T
    out[j] = tmp
  }
  return out
}

/** A short opaque id drawn from `rng`, e.g. `q-k3v9x0ab`. */
export function randomId(rng: Rng, prefix: string): string {
  let id = ''
  for (let i = 0; i < 8; i++) id += randomInt(rng, 36).toString(36)
  return `${prefix}-${id}`
}
