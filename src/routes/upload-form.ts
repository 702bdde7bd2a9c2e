import type { Context } from 'hono'
import type { UploadedFile } from '../content/import'
import { AppError } from '../errors'

/** The files of a multipart form, each in a field named `file` (the import route and the upload page). */
export async function readUploadForm(c: Context): Promise<UploadedFile[]> {
  let form: Record<string, unknown>
  try {
    form = await c.req.parseBody({ all: true })
  } catch {
    throw new AppError(400, 'bad_request', 'body: the multipart form could not be read')
  }
  const sent = form.file === undefined ? [] : Array.isArray(form.file) ? form.file : [form.file]
  const files: UploadedFile[] = []
  for (const item of sent) {
    if (!(item instanceof File))
      throw new AppError(400, 'validation_failed', 'file: each `file` field must be a file', { field: 'file' })
    // A browser sends an empty, unnamed part when no file was chosen.
    if (item.size === 0 && item.name === '') continue
    files.push({ name: item.name || 'upload', bytes: new Uint8Array(await item.arrayBuffer()) })
  }
  return files
}
