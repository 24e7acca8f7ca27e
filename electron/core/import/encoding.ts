import iconv from 'iconv-lite'
import { mixedEncoding, notASpreadsheet } from './import-errors'
import type { CsvEncoding } from './types'

/**
 * Decide how a CSV file's bytes are encoded from a sample of its start. A BOM decides outright;
 * otherwise a sample that is valid UTF-8 is UTF-8 (GBK text almost never is: its two-byte
 * sequences break UTF-8's continuation-byte rules within a few characters), and anything else is
 * GB18030, the superset of GBK/GB2312 that Chinese Excel writes. `complete` says the sample is the
 * whole file, so a character cut at the sample's end is an error rather than expected.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): CsvEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom'
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le'
  if (sample[0] === 0xfe && sample[1] === 0xff) throw notASpreadsheet('不支持 UTF-16 大端编码', 'UTF-16 big-endian is not supported')
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete })
    return 'utf-8'
  } catch {
    return 'gb18030'
  }
}

/** An incremental decoder: bytes in, text out, characters split across chunks handled. */
export interface ChunkDecoder {
  write(chunk: Uint8Array): string
  end(): string
}

/**
 * A streaming decoder for the detected encoding. UTF-8 decodes strictly: if bytes that are not UTF-8
 * appear after the sample, the import stops with IMPORT_ENCODING_MIXED instead of writing
 * replacement characters into borrowers' names.
 */
export function createDecoder(encoding: CsvEncoding): ChunkDecoder {
  if (encoding === 'gb18030') {
    const d = iconv.getDecoder('gb18030')
    return { write: (c) => d.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength)), end: () => d.end() ?? '' }
  }
  const label = encoding === 'utf-16le' ? 'utf-16le' : 'utf-8'
  const d = new TextDecoder(label, { fatal: true })
  const guard = (f: () => string) => {
    try {
      return f()
    } catch {
      throw mixedEncoding(label.toUpperCase())
    }
  }
  return { write: (c) => guard(() => d.decode(c, { stream: true })), end: () => guard(() => d.decode()) }
}
