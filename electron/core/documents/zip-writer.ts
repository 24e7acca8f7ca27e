import { crc32, deflateRawSync } from 'node:zlib'
import { centralHeader, dosDate, endRecord, localHeader, type ZipRecord } from '../files/zip-records'

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
 * entries always give the same bytes. No extra fields, no comment.
 */
export function writeZip(entries: readonly ZipEntry[], date: string): Uint8Array {
  const day = dosDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))
  const parts: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const record: ZipRecord = { name: Buffer.from(e.name, 'utf8'), method: 8, crc: e.crc, compressedSize: e.data.length, size: e.size, date: day, time: 0 }
    const local = localHeader(record)
    central.push(centralHeader(record, offset))
    parts.push(local, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength))
    offset += local.length + e.data.length
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0)
  return Buffer.concat([...parts, ...central, endRecord(entries.length, centralSize, offset)])
}
