import { closeSync, createReadStream, openSync, readSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInflateRaw } from 'node:zlib'
import { Inflate } from 'fflate'

export interface ZipText {
  name: string
  text: string
}

/** How far a reader is through its data, 0 to 1 (the XLSX sheet's inflated bytes ÷ its size), for an ETA. */
export interface ReadProgress {
  fraction: number
}

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localHeader: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/**
 * The zip's entries, from its central directory (at the end of the file: the end record, then the directory
 * it points to). Reading it first lets a reader open only the entries it wants, where a front-to-back
 * streaming unzip has to pass every byte of the others — and fflate's kept the skipped entries' bytes.
 */
export async function readEntries(path: string): Promise<ZipEntry[]> {
  const fh = await open(path, 'r')
  try {
    const { size } = await fh.stat()
    // The end record is 22 bytes plus a comment of up to 65,535.
    const tailLen = Math.min(size, 22 + 0xffff)
    const tail = Buffer.alloc(tailLen)
    await fh.read(tail, 0, tailLen, size - tailLen)
    let at = -1
    for (let i = tailLen - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) { at = i; break }
    if (at < 0) throw new Error('no zip directory (the file is cut short or not a zip)')
    const count = tail.readUInt16LE(at + 10)
    const dirSize = tail.readUInt32LE(at + 12)
    const dirOffset = tail.readUInt32LE(at + 16)
    if (dirOffset === 0xffffffff || dirOffset + dirSize > size) throw new Error('the zip directory is out of range (ZIP64 or damaged)')
    const dir = Buffer.alloc(dirSize)
    await fh.read(dir, 0, dirSize, dirOffset)
    const entries: ZipEntry[] = []
    let p = 0
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new Error('damaged zip directory')
      const flags = dir.readUInt16LE(p + 8)
      const nameLen = dir.readUInt16LE(p + 28)
      const extraLen = dir.readUInt16LE(p + 30)
      const commentLen = dir.readUInt16LE(p + 32)
      const nameBytes = dir.subarray(p + 46, p + 46 + nameLen)
      const entry: ZipEntry = {
        // Bit 11: the name is UTF-8; otherwise CP437, which for the ASCII part names of a workbook is the same.
        name: flags & 0x800 ? nameBytes.toString('utf8') : nameBytes.toString('latin1'),
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localHeader: dir.readUInt32LE(p + 42),
      }
      zip64Sizes(entry, dir.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen))
      entries.push(entry)
      p += 46 + nameLen + extraLen + commentLen
    }
    return entries
  } finally {
    await fh.close()
  }
}

/**
 * Some writers (streaming ones, Apache POI) put an entry's sizes or offset in a ZIP64 extra field and 0xFFFFFFFF
 * in the directory, even for small files: take them from there (in its order: size, compressed size, offset).
 */
function zip64Sizes(e: ZipEntry, extra: Buffer): void {
  for (let p = 0; p + 4 <= extra.length; p += 4 + extra.readUInt16LE(p + 2)) {
    if (extra.readUInt16LE(p) !== 0x0001) continue
    let at = p + 4
    const next = () => {
      const v = Number(extra.readBigUInt64LE(at))
      at += 8
      return v
    }
    if (e.size === 0xffffffff) e.size = next()
    if (e.compressedSize === 0xffffffff) e.compressedSize = next()
    if (e.localHeader === 0xffffffff) e.localHeader = next()
    return
  }
}

/** Where an entry's data starts: after its local header, whose name and extra field may differ in length from the directory's. */
export async function dataStart(path: string, e: ZipEntry): Promise<number> {
  const fh = await open(path, 'r')
  try {
    const h = Buffer.alloc(30)
    await fh.read(h, 0, 30, e.localHeader)
    if (h.readUInt32LE(0) !== LOCAL) throw new Error(`damaged zip entry ${e.name}`)
    return e.localHeader + 30 + h.readUInt16LE(26) + h.readUInt16LE(28)
  } finally {
    await fh.close()
  }
}

/**
 * Stream the text of selected zip entries, in file order, decoding UTF-8 with a streaming decoder.
 * That is the point of this reader: exceljs's streaming reader decodes each inflated chunk on its
 * own and garbles any Chinese character cut at a chunk boundary (seen on ~1 % of addresses in a
 * 1,000-row test). Only the selected entries are read from disk at all (their places come from the zip's
 * directory), and they are inflated by Node's zlib in 64 KB pieces, so memory holds one piece at a time.
 */
export async function* zipEntryTexts(path: string, wanted: (name: string) => boolean, progress?: ReadProgress): AsyncGenerator<ZipText> {
  const entries = (await readEntries(path)).filter((e) => wanted(e.name)).sort((a, b) => a.localHeader - b.localHeader)
  for (const e of entries) {
    if (e.method !== 0 && e.method !== 8) throw new Error(`unsupported compression method ${e.method} in ${e.name}`)
    const start = await dataStart(path, e)
    const decoder = new TextDecoder('utf-8')
    let inflated = 0
    const raw = createReadStream(path, { start, end: start + e.compressedSize - 1, highWaterMark: 64 * 1024 })
    const inflate = e.method === 8 ? createInflateRaw({ chunkSize: 64 * 1024 }) : null
    // pipe() does not pass a read error on: end the inflater with it, so the loop below throws it.
    if (inflate) raw.on('error', (err) => inflate.destroy(err)).pipe(inflate)
    try {
      for await (const data of (inflate ?? raw) as AsyncIterable<Buffer>) {
        if (progress && e.size > 0) progress.fraction = Math.min(1, (inflated += data.length) / e.size)
        const text = decoder.decode(data, { stream: true })
        if (text !== '') yield { name: e.name, text }
      }
    } finally {
      raw.destroy()
      inflate?.destroy()
    }
    const rest = decoder.decode()
    if (rest !== '') yield { name: e.name, text: rest }
  }
}

/**
 * One entry's text pulled piece by piece, synchronously: `next()` reads and inflates (fflate's synchronous
 * inflater) the next 64 KB of the entry and returns its text, or null at the end. For a reader that must
 * answer at once but wants only as much of the entry as it is asked for (the shared strings: a header needs
 * the first few). The file is opened for each read, so an entry left half read holds nothing open.
 */
export function zipEntryPieces(path: string, e: ZipEntry, start: number): { next(): string | null } {
  if (e.method !== 0 && e.method !== 8) throw new Error(`unsupported compression method ${e.method} in ${e.name}`)
  const end = start + e.compressedSize
  const decoder = new TextDecoder('utf-8')
  const pieces: string[] = []
  const take = (data: Uint8Array, final: boolean) => {
    const text = decoder.decode(data, { stream: !final })
    if (text !== '') pieces.push(text)
  }
  const inflate = e.method === 8 ? new Inflate(take) : null
  let pos = start
  const buf = Buffer.alloc(64 * 1024)
  return {
    next() {
      while (pieces.length === 0 && pos < end) {
        const fd = openSync(path, 'r')
        let n: number
        try {
          n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos)
        } finally {
          closeSync(fd)
        }
        if (n === 0) throw new Error(`the zip entry ${e.name} is cut short`)
        pos += n
        // fflate keeps no reference to a pushed chunk once push returns, so the buffer is reused.
        const chunk = buf.subarray(0, n)
        if (inflate) inflate.push(chunk, pos >= end)
        else take(chunk, pos >= end)
      }
      return pieces.shift() ?? null
    },
  }
}
