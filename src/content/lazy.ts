/**
 * Defines `key` on `target` as a value computed on first read, then kept. Card and note HTML
 * are rendered this way: `content:check` never reads them (a fifth of its compile time went
 * to rendering), while sync, export and the pages read them as plain fields — and a spread or
 * `JSON.stringify` of the object reads them too, so no consumer can see the difference.
 */
export function lazy<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): T {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute()
      Object.defineProperty(target, key, { value, configurable: true, enumerable: true, writable: true })
      return value
    },
    set(value: T[K]) {
      Object.defineProperty(target, key, { value, configurable: true, enumerable: true, writable: true })
    },
  })
  return target
}
