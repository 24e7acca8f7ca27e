import { createReadStream } from 'node:fs'
import { CsvRecordParser } from './csv-parser'
import { detectDelimiter } from './delimiter'
import { createDecoder, detectEncoding } from './encoding'
import type { RawRecord, ReadLimits } from './raw-record'
import type { Sniffed } from './sniff'
import type { CsvDelimiter, CsvEncoding, FileInfo } from './types'

/** Chunk size for streaming: large enough for throughput, small enough that a 200 MB file never sits in memory. */
const CHUNK_BYTES = 1024 * 1024

export interface CsvOpenOptions extends ReadLimits {
  encoding?: CsvEncoding
  delimiter?: CsvDelimiter
}

/**
 * Open a CSV file for streaming: detects (or takes) the encoding and delimiter from the sniffed
 * sample, then yields every record, blank ones included, numbered as Excel numbers rows.
 */
export function openCsv(path: string, sniffed: Sniffed, opts: CsvOpenOptions): { info: FileInfo; records: AsyncGenerator<RawRecord> } {
  const complete = sniffed.sample.length === sniffed.sizeBytes
  const encoding = opts.encoding ?? detectEncoding(sniffed.sample, complete)
  const sampleDecoder = createDecoder(encoding)
  let sampleText: string
  try {
    sampleText = sampleDecoder.write(sniffed.sample) + (complete ? sampleDecoder.end() : '')
  } catch {
    sampleText = '' // a strict decoder refused the sample; the real read reports it properly
  }
  const delimiter = opts.delimiter ?? detectDelimiter(sampleText)
  const info: FileInfo = { format: 'csv', sizeBytes: sniffed.sizeBytes, encoding, delimiter }
  return { info, records: streamRecords(path, encoding, delimiter, opts) }
}

async function* streamRecords(path: string, encoding: CsvEncoding, delimiter: CsvDelimiter, limits: ReadLimits): AsyncGenerator<RawRecord> {
  const decoder = createDecoder(encoding)
  const parser = new CsvRecordParser(delimiter, limits)
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES })
  let rowNumber = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const r of parser.push(decoder.write(chunk))) yield { rowNumber: ++rowNumber, ...r }
    }
    for (const r of parser.push(decoder.end())) yield { rowNumber: ++rowNumber, ...r }
    for (const r of parser.end()) yield { rowNumber: ++rowNumber, ...r }
  } finally {
    stream.destroy()
  }
}
