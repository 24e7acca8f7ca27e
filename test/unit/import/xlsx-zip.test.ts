import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readHeader, readRows } from '../../../electron/core/import/read-rows'
import type { ReadRow } from '../../../electron/core/import/types'
import { HEADERS, logicalRows, tempDir, writeXlsx } from './fixtures'

/**
 * The same zip with every entry's sizes and offset moved into a ZIP64 extra field (0xFFFFFFFF in the
 * directory), as some writers (Apache POI's streaming one) write them.
 */
function withZip64Sizes(zip: Buffer): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const count = zip.readUInt16LE(eocd + 10)
  const dirOffset = zip.readUInt32LE(eocd + 16)
  const parts: Buffer[] = []
  let p = dirOffset
  for (let n = 0; n < count; n++) {
    const nameLen = zip.readUInt16LE(p + 28)
    const extraLen = zip.readUInt16LE(p + 30)
    const commentLen = zip.readUInt16LE(p + 32)
    const head = Buffer.from(zip.subarray(p, p + 46 + nameLen))
    const zip64 = Buffer.alloc(28)
    zip64.writeUInt16LE(0x0001, 0)
    zip64.writeUInt16LE(24, 2)
    zip64.writeBigUInt64LE(BigInt(head.readUInt32LE(24)), 4) // size
    zip64.writeBigUInt64LE(BigInt(head.readUInt32LE(20)), 12) // compressed size
    zip64.writeBigUInt64LE(BigInt(head.readUInt32LE(42)), 20) // local header offset
    head.writeUInt32LE(0xffffffff, 20)
    head.writeUInt32LE(0xffffffff, 24)
    head.writeUInt32LE(0xffffffff, 42)
    head.writeUInt16LE(extraLen + 28, 30)
    parts.push(head, zip.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), zip64, zip.subarray(p + 46 + nameLen + extraLen, p + 46 + nameLen + extraLen + commentLen))
    p += 46 + nameLen + extraLen + commentLen
  }
  const dir = Buffer.concat(parts)
  const end = Buffer.from(zip.subarray(eocd))
  end.writeUInt32LE(dir.length, 12)
  return Buffer.concat([zip.subarray(0, dirOffset), dir, end])
}

const all = async (path: string) => {
  const rows: ReadRow[] = []
  for await (const r of readRows(path, { sheet: '逾期名单' })) rows.push(r)
  return rows
}

describe('the XLSX zip reader', () => {
  it('finds entries whose sizes and offsets a writer put in ZIP64 extra fields, and reads the same rows', async () => {
    const dir = tempDir()
    const plain = join(dir, 'plain.xlsx')
    await writeXlsx(plain, logicalRows(30))
    const zip64 = join(dir, 'zip64.xlsx')
    writeFileSync(zip64, withZip64Sizes(readFileSync(plain)))
    expect((await readHeader(zip64, { sheet: '逾期名单' })).headers).toEqual(HEADERS)
    const rows = await all(zip64)
    expect(rows).toHaveLength(30)
    expect(rows).toEqual(await all(plain))
  })
})
