import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync, writeSync } from 'node:fs'
import { crc32, deflateRawSync } from 'node:zlib'
import { UserError } from '../../errors'
import { centralHeader, dosDate, endRecord, localHeader, type ZipRecord } from '../../files/zip-records'

/**
 * A small ZIP writer that streams to a file: entries are stored (PDFs and images are compressed already) or
 * deflated (text), CRC-32 by zlib's native crc32, the SHA-256 of the archive taken as it is written. It never
 * holds the whole archive in memory (a bundle's originals are copied from the store in chunks) and marks each entry "made on Unix,
 * UTF-8 name" so Info-ZIP's unzip and Windows keep Chinese names. No ZIP64: an archive over 4 GB is refused.
 */
export interface ZipEntry {
  name: string
  /** The content in memory, or `path`: a file copied into the archive in chunks (stored, never deflated). */
  bytes?: Uint8Array
  path?: string
  /** Deflate (for text in memory); otherwise stored. */
  deflate?: boolean
}

/** What the local header needs before the data: the CRC-32 and size (and the SHA-256 for SHA256SUMS). */
export interface ScannedEntry {
  crc: number
  size: number
  sha256: string
}

const CHUNK = 1 << 20

/** Reads a file in 1 MB chunks, handing each to `each` (the same buffer reused: never kept). */
function eachChunk(path: string, each: (b: Uint8Array) => void): void {
  const fd = openSync(path, 'r')
  const buf = Buffer.allocUnsafe(CHUNK)
  try {
    for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0;) each(buf.subarray(0, n))
  } finally {
    closeSync(fd)
  }
}

/** CRC-32, size and SHA-256 of a file, read in chunks. */
export function scanFile(path: string): ScannedEntry {
  const hash = createHash('sha256')
  let crc = 0
  let size = 0
  eachChunk(path, (b) => {
    crc = crc32(b, crc)
    hash.update(b)
    size += b.length
  })
  return { crc: crc >>> 0, size, sha256: hash.digest('hex') }
}

/** The same for bytes already in memory (an exhibit the bundle builder has just read). */
export function scanBytes(b: Uint8Array): ScannedEntry {
  return { crc: crc32(b) >>> 0, size: b.length, sha256: createHash('sha256').update(b).digest('hex') }
}

const LIMIT = 0xffff_fff0

function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: dosDate(d.getFullYear(), d.getMonth() + 1, d.getDate()),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  }
}

/**
 * Writes the archive to `path` (which should be a temporary name) and returns its SHA-256. A file entry needs
 * its scan (scanFile) given in `scanned` under its name, taken before, so its data is only streamed here.
 */
export function writeZipFile(path: string, entries: ZipEntry[], mtime: Date, scanned: Record<string, ScannedEntry> = {}): string {
  const fd = openSync(path, 'w')
  const hash = createHash('sha256')
  let offset = 0
  const put = (b: Uint8Array) => {
    writeSync(fd, b)
    hash.update(b)
    offset += b.length
  }
  const { date, time } = dosDateTime(mtime)
  const central: Buffer[] = []
  try {
    for (const e of entries) {
      const name = Buffer.from(e.name, 'utf8')
      const scan = e.path ? scanned[e.name] : undefined
      if (e.path && !scan) throw new Error(`zip entry ${e.name}: file not scanned`)
      const raw = e.bytes ?? new Uint8Array(0)
      const data = e.deflate && !e.path ? deflateRawSync(raw) : raw
      const crc = scan ? scan.crc : crc32(raw) >>> 0
      const size = scan ? scan.size : raw.length
      const stored = scan ? scan.size : data.length
      if (offset + stored + 30 + name.length > LIMIT) throw new UserError('BUNDLE_TOO_LARGE', '证据包超过 4 GB，请分批生成', 'The bundle would exceed 4 GB; build it in parts')
      const record: ZipRecord = { name, method: e.deflate && !e.path ? 8 : 0, crc, compressedSize: stored, size, date, time, unixMode: 0o100644 } // rw-r--r--
      central.push(centralHeader(record, offset))
      put(localHeader(record))
      if (e.path) {
        let copied = 0
        eachChunk(e.path, (b) => { put(b); copied += b.length })
        // The file changed between its scan and now: the header would lie.
        if (copied !== size) throw new Error(`zip entry ${e.name}: ${e.path} changed while the archive was written`)
      } else put(data)
    }
    const cdStart = offset
    for (const b of central) put(b)
    put(endRecord(entries.length, offset - cdStart, cdStart))
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}
