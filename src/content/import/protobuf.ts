/**
 * The fields of one protobuf message, by number: varints as numbers, length-delimited fields as
 * bytes (strings and nested messages alike). Enough to read the few settings a schema-18 Anki
 * collection keeps in protobuf blobs (a note type's kind, a template's question and answer).
 * @see https://protobuf.dev/programming-guides/encoding/
 */
export function protoFields(bytes: Uint8Array): Map<number, Array<number | Uint8Array>> {
  const fields = new Map<number, Array<number | Uint8Array>>()
  let at = 0
  const varint = (): number => {
    let value = 0
    let scale = 1
    for (let step = 0; step < 10; step += 1) {
      const byte = bytes[at++]
      if (byte === undefined) throw new Error('truncated protobuf')
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 128
    }
    throw new Error('bad protobuf varint')
  }
  while (at < bytes.length) {
    const key = varint()
    const number = Math.floor(key / 8)
    const wire = key % 8
    let value: number | Uint8Array
    if (wire === 0) value = varint()
    else if (wire === 2) {
      const length = varint()
      if (at + length > bytes.length) throw new Error('truncated protobuf')
      value = bytes.subarray(at, at + length)
      at += length
    } else if (wire === 1) {
      at += 8
      value = 0
    } else if (wire === 5) {
      at += 4
      value = 0
    } else throw new Error(`unsupported protobuf wire type ${wire}`)
    fields.set(number, [...(fields.get(number) ?? []), value])
  }
  return fields
}

export function protoString(fields: Map<number, Array<number | Uint8Array>>, number: number): string {
  const value = fields.get(number)?.[0]
  return value instanceof Uint8Array ? new TextDecoder().decode(value) : ''
}

export function protoNumber(fields: Map<number, Array<number | Uint8Array>>, number: number): number {
  const value = fields.get(number)?.[0]
  return typeof value === 'number' ? value : 0
}
