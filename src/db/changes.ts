/**
 * How many rows a write changed. libSQL reports `rowsAffected`; Cloudflare D1 (the Worker's
 * second backend, reached through the same drizzle schema) reports `meta.changes`.
 */
export function changedRows(result: unknown): number {
  const r = result as { rowsAffected?: number; meta?: { changes?: number } }
  return r.rowsAffected ?? r.meta?.changes ?? 0
}
