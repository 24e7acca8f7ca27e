/**
 * The three records of a ZIP archive (local header, central directory entry, end record), shared by the
 * writers that need them: the DOCX packer (in memory, deterministic) and the evidence bundle (streamed to a
 * file). Names are always flagged UTF-8 so Chinese names survive Info-ZIP, Windows and Word. No ZIP64.
 */
export interface ZipRecord {
  name: Uint8Array
  /** 0 stored, 8 deflated. */
  method: 0 | 8
  crc: number
  /** Bytes as written in the archive. */
  compressedSize: number
  /** Bytes once extracted. */
  size: number
  /** MS-DOS date and time words. */
  date: number
  time: number
  /** Unix file mode: written with "made on Unix" so unzip restores it; without it the entry is MS-DOS made. */
  unixMode?: number
}

const UTF8_NAMES = 0x0800

export function dosDate(year: number, month: number, day: number): number {
  return ((year - 1980) << 9) | (month << 5) | day
}

export function localHeader(r: ZipRecord): Buffer {
  const b = Buffer.alloc(30 + r.name.length)
  b.writeUInt32LE(0x04034b50, 0)
  b.writeUInt16LE(20, 4) // version needed: 2.0
  b.writeUInt16LE(UTF8_NAMES, 6)
  b.writeUInt16LE(r.method, 8)
  b.writeUInt16LE(r.time, 10)
  b.writeUInt16LE(r.date, 12)
  b.writeUInt32LE(r.crc >>> 0, 14)
  b.writeUInt32LE(r.compressedSize, 18)
  b.writeUInt32LE(r.size, 22)
  b.writeUInt16LE(r.name.length, 26)
  b.set(r.name, 30)
  return b
}

/** The central directory entry of a record whose local header starts at `offset`. */
export function centralHeader(r: ZipRecord, offset: number): Buffer {
  const b = Buffer.alloc(46 + r.name.length)
  b.writeUInt32LE(0x02014b50, 0)
  b.writeUInt16LE(r.unixMode === undefined ? 20 : (3 << 8) | 20, 4) // made by: MS-DOS or Unix, 2.0
  b.writeUInt16LE(20, 6)
  b.writeUInt16LE(UTF8_NAMES, 8)
  b.writeUInt16LE(r.method, 10)
  b.writeUInt16LE(r.time, 12)
  b.writeUInt16LE(r.date, 14)
  b.writeUInt32LE(r.crc >>> 0, 16)
  b.writeUInt32LE(r.compressedSize, 20)
  b.writeUInt32LE(r.size, 24)
  b.writeUInt16LE(r.name.length, 28)
  // extra, comment, disk and internal attributes: all zero
  if (r.unixMode !== undefined) b.writeUInt32LE((r.unixMode << 16) >>> 0, 38)
  b.writeUInt32LE(offset, 42)
  b.set(r.name, 46)
  return b
}

export function endRecord(count: number, centralSize: number, centralStart: number): Buffer {
  const b = Buffer.alloc(22)
  b.writeUInt32LE(0x06054b50, 0)
  b.writeUInt16LE(count, 8)
  b.writeUInt16LE(count, 10)
  b.writeUInt32LE(centralSize, 12)
  b.writeUInt32LE(centralStart, 16)
  return b
}
