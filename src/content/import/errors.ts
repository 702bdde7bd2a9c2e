import { AppError } from '../../errors'

/** An uploaded file that cannot be imported: 422 naming the file, and the line or row when known. */
export function badFile(file: string, message: string, at: { line?: number; row?: number } = {}): AppError {
  const where = at.line !== undefined ? `:${at.line}` : at.row !== undefined ? ` row ${at.row}` : ''
  return new AppError(422, 'invalid_notes', `${file}${where}: ${message}`, { extra: { file, ...at } })
}

/** A file over a size or count limit: 413 naming the file and the limit. */
export function tooLarge(file: string, message: string): AppError {
  return new AppError(413, 'payload_too_large', `${file}: ${message}`, { extra: { file } })
}
