import { createHash } from 'node:crypto'
import { closeSync, openSync, writeSync } from 'node:fs'
import { crc32, deflateRawSync } from 'node:zlib'
import { UserError } from '../../errors'

/**
 * A small ZIP writer that streams to a file: entries are stored (PDFs and images are compressed already) or
 * deflated (text), CRC-32 by zlib's native crc32, the SHA-256 of the archive taken as it is written. It never
 * holds the whole archive in memory (a bundle's originals can be large) and marks each entry "made on Unix,
 * UTF-8 name" so Info-ZIP's unzip and Windows keep Chinese names. No ZIP64: an archive over 4 GB is refused.
 */
export interface ZipEntry {
  name: string
  bytes: Uint8Array
  /** Deflate (for text); otherwise stored. */
  deflate?: boolean
}

const LIMIT = 0xffff_fff0

function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
  }
}

/** Writes the archive to `path` (which should be a temporary name) and returns its SHA-256. */
export function writeZipFile(path: string, entries: ZipEntry[], mtime: Date): string {
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
      const data = e.deflate ? deflateRawSync(e.bytes) : e.bytes
      const crc = crc32(e.bytes) >>> 0
      if (offset + data.length + 30 + name.length > LIMIT) throw new UserError('BUNDLE_TOO_LARGE', '证据包超过 4 GB，请分批生成', 'The bundle would exceed 4 GB; build it in parts')
      const local = Buffer.alloc(30)
      local.writeUInt32LE(0x04034b50, 0)
      local.writeUInt16LE(20, 4) // version needed
      local.writeUInt16LE(0x0800, 6) // UTF-8 name
      local.writeUInt16LE(e.deflate ? 8 : 0, 8)
      local.writeUInt16LE(time, 10)
      local.writeUInt16LE(date, 12)
      local.writeUInt32LE(crc, 14)
      local.writeUInt32LE(data.length, 18)
      local.writeUInt32LE(e.bytes.length, 22)
      local.writeUInt16LE(name.length, 26)
      const cd = Buffer.alloc(46)
      cd.writeUInt32LE(0x02014b50, 0)
      cd.writeUInt16LE((3 << 8) | 20, 4) // made on Unix
      cd.writeUInt16LE(20, 6)
      cd.writeUInt16LE(0x0800, 8)
      cd.writeUInt16LE(e.deflate ? 8 : 0, 10)
      cd.writeUInt16LE(time, 12)
      cd.writeUInt16LE(date, 14)
      cd.writeUInt32LE(crc, 16)
      cd.writeUInt32LE(data.length, 20)
      cd.writeUInt32LE(e.bytes.length, 24)
      cd.writeUInt16LE(name.length, 28)
      cd.writeUInt32LE((0o100644 << 16) >>> 0, 38) // rw-r--r--
      cd.writeUInt32LE(offset, 42)
      central.push(cd, name)
      put(local)
      put(name)
      put(data)
    }
    const cdStart = offset
    for (const b of central) put(b)
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(entries.length, 8)
    end.writeUInt16LE(entries.length, 10)
    end.writeUInt32LE(offset - cdStart, 12)
    end.writeUInt32LE(cdStart, 16)
    put(end)
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}
