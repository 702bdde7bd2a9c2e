import { type Unzipped, unzipSync } from 'fflate'
import { deckLimits } from '../../services/deck-limits'
import { badFile, tooLarge } from './errors'

export interface ArchiveLimits {
  entries: number
  unpackedBytes: number
}

const defaults: ArchiveLimits = { entries: deckLimits.archiveEntries, unpackedBytes: deckLimits.unpackedBytes }

/**
 * The files of a zip archive (`.zip`, `.apkg`, `.colpkg`), refused before anything is inflated
 * when it holds too many entries, declares more than the unpacked limit (a zip bomb), or names
 * a path outside the archive (`../`, absolute, drive letters). `keep` chooses the entries to
 * inflate; the sizes actually inflated are checked again, since a header can lie.
 */
export function readArchive(
  file: string,
  bytes: Uint8Array,
  keep: (name: string) => boolean,
  limits: ArchiveLimits = defaults,
): Map<string, Uint8Array> {
  let entries = 0
  let declared = 0
  let unpacked: Unzipped
  try {
    unpacked = unzipSync(bytes, {
      filter: (entry) => {
        entries += 1
        if (entries > limits.entries) throw tooLarge(file, `the archive holds over ${limits.entries} files`)
        if (!safePath(entry.name)) throw badFile(file, `the archive names a path outside itself: "${entry.name}"`)
        if (entry.name.endsWith('/') || !keep(entry.name)) return false
        declared += entry.originalSize
        if (declared > limits.unpackedBytes)
          throw tooLarge(file, `the archive unpacks to over ${limits.unpackedBytes} bytes`)
        return true
      },
    })
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error
    throw badFile(file, `not a readable zip archive (${error instanceof Error ? error.message : String(error)})`)
  }
  const files = new Map<string, Uint8Array>()
  let total = 0
  for (const [name, data] of Object.entries(unpacked)) {
    total += data.length
    if (total > limits.unpackedBytes) throw tooLarge(file, `the archive unpacks to over ${limits.unpackedBytes} bytes`)
    files.set(name, data)
  }
  return files
}

/** A relative path that stays inside the archive. */
export function safePath(name: string): boolean {
  if (name === '' || name.includes('\0') || name.includes('\\')) return false
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false
  return !name.split('/').some((part) => part === '..')
}
