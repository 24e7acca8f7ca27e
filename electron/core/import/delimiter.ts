import { CsvRecordParser } from './csv-parser'
import type { CsvDelimiter } from './types'

const CANDIDATES: CsvDelimiter[] = [',', '\t', ';']
const SAMPLE_RECORDS = 20

/**
 * Pick the delimiter from the start of the decoded text: the candidate whose header splits into
 * the most columns while the following records agree with that count. Quotes are honoured, so a
 * comma inside "北京市,朝阳区" does not count. Ties go to comma, then tab, then semicolon; a
 * one-column file is comma-separated.
 */
export function detectDelimiter(sampleText: string): CsvDelimiter {
  // Drop the last, probably cut-off line of the sample.
  const cut = sampleText.lastIndexOf('\n')
  const text = cut > 0 ? sampleText.slice(0, cut) : sampleText
  let best: CsvDelimiter = ','
  let bestScore = -1
  for (const d of CANDIDATES) {
    const parser = new CsvRecordParser(d, { maxColumns: 10_000, maxCellChars: 1_000_000 })
    const records = [...parser.push(text), ...parser.end()].filter((r) => r.columnCount > 1 || r.cells[0] !== '').slice(0, SAMPLE_RECORDS)
    if (records.length === 0) continue
    const width = records[0].columnCount
    if (width < 2) continue
    const agreeing = records.filter((r) => r.columnCount === width).length
    const score = agreeing * 10_000 + width
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}
