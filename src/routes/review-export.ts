import { Hono } from 'hono/tiny'
import * as v from 'valibot'
import { type ExportedLog, exportedLogPages } from '../db/queries/progress'
import { ratingNames, stateNames } from '../domain/scheduling'
import type { AppEnv } from '../env'
import { csvLine, iso } from '../format'
import { auth } from '../middleware/caller'
import { validate } from '../validation'

/** One exported answer; times as ISO 8601, ratings and states by name. */
function present(log: ExportedLog) {
  return {
    id: log.id,
    cardId: log.cardId,
    deck: log.deck ?? '',
    topic: log.topic ?? '',
    rating: ratingNames[log.rating - 1] ?? String(log.rating),
    reviewedAt: iso(log.reviewedAt),
    durationMs: log.durationMs,
    stateBefore: stateNames[log.stateBefore] ?? String(log.stateBefore),
    dueBefore: iso(log.dueBefore),
    stateAfter: stateNames[log.stateAfter] ?? String(log.stateAfter),
    dueAfter: iso(log.dueAfter),
    origin: log.origin,
  }
}

const columns = [
  'id',
  'cardId',
  'deck',
  'topic',
  'rating',
  'reviewedAt',
  'durationMs',
  'stateBefore',
  'dueBefore',
  'stateAfter',
  'dueAfter',
  'origin',
] as const satisfies readonly (keyof ReturnType<typeof present>)[]

/**
 * The history as a byte stream that asks the database for the next page only when the client
 * has taken the previous one (`pull`), so memory stays flat however long the history is.
 */
function exportStream(pages: AsyncGenerator<ExportedLog[]>, format: 'csv' | 'json'): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const head = started ? '' : format === 'csv' ? csvLine(columns) : '['
      const { value: page, done } = await pages.next()
      if (done) {
        controller.enqueue(encoder.encode(`${head}${format === 'json' ? ']\n' : ''}`))
        controller.close()
        return
      }
      const body =
        format === 'csv'
          ? page
              .map((log) => {
                const row = present(log)
                return csvLine(columns.map((c) => row[c]))
              })
              .join('')
          : page.map((log, i) => `${started || i > 0 ? ',' : ''}\n${JSON.stringify(present(log))}`).join('')
      started = true
      controller.enqueue(encoder.encode(head + body))
    },
    async cancel() {
      await pages.return(undefined)
    },
  })
}

const querySchema = v.object({
  format: v.optional(v.picklist(['csv', 'json'], 'format must be csv or json'), 'csv'),
})

/** `/api/v1/reviews/export`: the whole review history as CSV or JSON, streamed (issue 5). */
export const reviewExportRoutes = new Hono<AppEnv>().get(
  '/',
  auth('progress:read'),
  validate('query', querySchema),
  (c) => {
    const { format } = c.req.valid('query')
    const date = iso(c.var.now).slice(0, 10)
    const stream = exportStream(exportedLogPages(c.var.db, c.var.caller.userId), format)
    return c.body(stream, 200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="dockdeck-reviews-${date}.${format}"`,
    })
  },
)
