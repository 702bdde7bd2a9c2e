import { Decompress } from 'fzstd'
import { deckLimits } from '../../services/deck-limits'
import { type AnkiCollection, isSqlite, readCollection } from './anki-collection'
import { readArchive } from './archive'
import { badFile, tooLarge } from './errors'
import { protoFields, protoString } from './protobuf'

/** The collection files a package may hold, newest schema first. */
const collections = ['collection.anki21b', 'collection.anki21', 'collection.anki2']

/**
 * An `.apkg` (a deck) or `.colpkg` (a whole collection): a zip holding the SQLite collection
 * (`collection.anki21b` zstd-compressed since Anki 2.1.50, else `.anki21` / `.anki2`), a `media`
 * index (JSON, or zstd protobuf beside `.anki21b`) and the media files, which are not read.
 */
export async function readAnkiPackage(file: string, bytes: Uint8Array): Promise<AnkiCollection> {
  const files = readArchive(file, bytes, (name) => collections.includes(name) || name === 'media')
  const name = collections.find((candidate) => files.has(candidate))
  if (!name) throw badFile(file, 'not an Anki package: it holds no collection.anki21b, .anki21 or .anki2')
  let data = files.get(name)!
  if (name.endsWith('b')) {
    try {
      data = unzstd(file, data)
    } catch (error) {
      if (error instanceof Error && error.name === 'AppError') throw error
      throw badFile(file, `${name} is not readable zstd data (${error instanceof Error ? error.message : error})`)
    }
  }
  if (!isSqlite(data)) throw badFile(file, `${name} is not an SQLite database`)
  let collection: AnkiCollection
  try {
    collection = await readCollection(data)
  } catch (error) {
    throw badFile(file, `${name} is not a readable Anki collection (${error instanceof Error ? error.message : error})`)
  }
  return { ...collection, media: mediaNames(files.get('media'), name.endsWith('b')) }
}

/** Names in the package's media index: `{"0": "a.jpg"}`, or protobuf `MediaEntries { repeated MediaEntry entries = 1 { string name = 1 } }`. */
function mediaNames(index: Uint8Array | undefined, zstd: boolean): string[] {
  if (!index || index.length === 0) return []
  try {
    if (!zstd) return Object.values(JSON.parse(new TextDecoder().decode(index)) as Record<string, string>).map(String)
    const entries = protoFields(unzstd('media', index)).get(1) ?? []
    return entries.flatMap((entry) => (entry instanceof Uint8Array ? [protoString(protoFields(entry), 1)] : []))
  } catch {
    return []
  }
}

/** zstd data, inflated chunk by chunk and refused past the unpacked limit (a zstd bomb). */
function unzstd(file: string, data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = []
  let total = 0
  const stream = new Decompress((chunk) => {
    total += chunk.length
    if (total > deckLimits.unpackedBytes)
      throw tooLarge(file, `the collection unpacks to over ${deckLimits.unpackedBytes} bytes`)
    chunks.push(chunk)
  })
  stream.push(data, true)
  const out = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}
