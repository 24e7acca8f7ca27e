import { crc32, deflateRawSync } from 'node:zlib'

/** One file of a ZIP archive, already compressed (so constant parts are compressed once and reused). */
export interface ZipEntry {
  name: string
  /** Raw DEFLATE data (method 8). */
  data: Uint8Array
  crc: number
  size: number
}

/** Compresses one file for a ZIP archive with Node's native zlib. */
export function zipEntry(name: string, content: string | Uint8Array): ZipEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  return { name, data: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length }
}

/**
 * Writes a ZIP archive of the entries, in order, every file dated `date` (YYYY-MM-DD, 00:00) so the same
 * entries always give the same bytes. No extra fields, no comment; names are written as UTF-8.
 */
export function writeZip(entries: readonly ZipEntry[], date: string): Uint8Array {
  const year = Number(date.slice(0, 4)), month = Number(date.slice(5, 7)), day = Number(date.slice(8, 10))
  const dosDate = ((year - 1980) << 9) | (month << 5) | day
  const names = entries.map((e) => Buffer.from(e.name, 'utf8'))
  const localSize = entries.reduce((s, e, i) => s + 30 + names[i].length + e.data.length, 0)
  const centralSize = names.reduce((s, n) => s + 46 + n.length, 0)
  const out = new Uint8Array(localSize + centralSize + 22)
  const v = new DataView(out.buffer)
  const offsets: number[] = []
  let p = 0
  entries.forEach((e, i) => {
    offsets.push(p)
    v.setUint32(p, 0x04034b50, true)
    v.setUint16(p + 4, 20, true) // version needed: 2.0 (deflate)
    v.setUint16(p + 6, 0x0800, true) // UTF-8 names
    v.setUint16(p + 8, 8, true)
    v.setUint16(p + 10, 0, true)
    v.setUint16(p + 12, dosDate, true)
    v.setUint32(p + 14, e.crc >>> 0, true)
    v.setUint32(p + 18, e.data.length, true)
    v.setUint32(p + 22, e.size, true)
    v.setUint16(p + 26, names[i].length, true)
    v.setUint16(p + 28, 0, true)
    out.set(names[i], p + 30)
    out.set(e.data, p + 30 + names[i].length)
    p += 30 + names[i].length + e.data.length
  })
  const central = p
  entries.forEach((e, i) => {
    v.setUint32(p, 0x02014b50, true)
    v.setUint16(p + 4, 20, true) // made by: MS-DOS, 2.0
    v.setUint16(p + 6, 20, true)
    v.setUint16(p + 8, 0x0800, true)
    v.setUint16(p + 10, 8, true)
    v.setUint16(p + 12, 0, true)
    v.setUint16(p + 14, dosDate, true)
    v.setUint32(p + 16, e.crc >>> 0, true)
    v.setUint32(p + 20, e.data.length, true)
    v.setUint32(p + 24, e.size, true)
    v.setUint16(p + 28, names[i].length, true)
    // extra, comment, disk, internal and external attributes: all zero
    v.setUint32(p + 42, offsets[i], true)
    out.set(names[i], p + 46)
    p += 46 + names[i].length
  })
  v.setUint32(p, 0x06054b50, true)
  v.setUint16(p + 8, entries.length, true)
  v.setUint16(p + 10, entries.length, true)
  v.setUint32(p + 12, p - central, true)
  v.setUint32(p + 16, central, true)
  return out
}
