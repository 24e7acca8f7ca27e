import { open } from 'node:fs/promises'
import { emptyFile, legacyXls, notASpreadsheet } from './import-errors'

/** Bytes read from the start of a file to recognise it and to detect its encoding and delimiter. */
export const SAMPLE_BYTES = 64 * 1024

export interface Sniffed {
  kind: 'csv' | 'xlsx'
  sample: Uint8Array
  sizeBytes: number
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x)

/**
 * Recognise a file by its first bytes, never by its name: a zip is an XLSX candidate, the OLE2
 * signature is the old .xls, and text is CSV. NUL bytes or many control characters (outside
 * UTF-16) mean a binary file such as a PDF or an image. Throws IMPORT_EMPTY_FILE for 0 bytes.
 */
export async function sniffFile(path: string): Promise<Sniffed> {
  const fh = await open(path, 'r')
  try {
    const { size } = await fh.stat()
    const buf = new Uint8Array(Math.min(SAMPLE_BYTES, size))
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0)
    const sample = buf.subarray(0, bytesRead)
    if (size === 0) throw emptyFile()
    if (startsWith(sample, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx', sample, sizeBytes: size }
    if (startsWith(sample, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) throw legacyXls()
    const utf16 = startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])
    if (!utf16 && looksBinary(sample)) throw notASpreadsheet('文件内容是二进制数据', 'the file holds binary data')
    return { kind: 'csv', sample, sizeBytes: size }
  } finally {
    await fh.close()
  }
}

function looksBinary(sample: Uint8Array): boolean {
  let control = 0
  for (const b of sample) {
    if (b === 0) return true
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++
  }
  return control > sample.length / 100
}
