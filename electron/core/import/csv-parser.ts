/**
 * A streaming CSV record parser (RFC 4180 plus Excel's leniency). Written here rather than taken
 * from csv-parse because limits must be row-level: a 10 MB cell or a 500-column row is reported on
 * that row while the rest of the file keeps flowing, and memory stays bounded because an oversized
 * cell is dropped while it is still being read.
 *
 * Records end at CRLF, LF or CR; quoted fields may hold delimiters, newlines and doubled quotes.
 * As in Excel, a quote inside an unquoted field is literal, and text after a closing quote is kept.
 */
export interface CsvRecord {
  cells: string[]
  /** Number of fields in the record, including those beyond `maxColumns` that were not kept. */
  columnCount: number
  /** 0-based indexes of cells longer than `maxCellChars` (their text was dropped). */
  oversized: number[]
  /** The file ended inside a quoted field: this record swallowed the rest of the file. */
  unclosedQuote: boolean
}

export interface CsvLimits {
  maxColumns: number
  maxCellChars: number
}

const QUOTE = 34
const CR = 13
const LF = 10
// Plain numeric constants, not an enum: under isolatedModules a const enum becomes an object lookup per character.
const FIELD_START = 0
const UNQUOTED = 1
const QUOTED = 2
const QUOTE_IN_QUOTED = 3
const AFTER_CLOSE = 4

export class CsvRecordParser {
  private state: number = FIELD_START
  private field = ''
  private fieldOversized = false
  private cells: string[] = []
  private columnCount = 0
  private oversized: number[] = []
  private skipLf = false
  private out: CsvRecord[] = []
  private readonly delim: number

  constructor(delimiter: string, private readonly limits: CsvLimits) {
    this.delim = delimiter.charCodeAt(0)
  }

  /** Feed decoded text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    const n = text.length
    let seg = 0
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i)
      if (this.skipLf) {
        this.skipLf = false
        if (c === LF) { seg = i + 1; continue }
      }
      switch (this.state) {
        case FIELD_START:
          if (c === QUOTE) { this.state = QUOTED; seg = i + 1; break }
          this.state = UNQUOTED
          seg = i
          i-- // look at this character again as part of an unquoted field
          break
        case UNQUOTED:
        case AFTER_CLOSE:
          if (c === this.delim) {
            this.append(text, seg, i)
            this.endField()
          } else if (c === LF || c === CR) {
            this.append(text, seg, i)
            this.endField()
            this.endRecord(false)
            this.skipLf = c === CR
          }
          break
        case QUOTED:
          if (c === QUOTE) { this.append(text, seg, i); this.state = QUOTE_IN_QUOTED }
          break
        case QUOTE_IN_QUOTED:
          if (c === QUOTE) { this.field += '"'; seg = i + 1; this.state = QUOTED; break }
          this.state = AFTER_CLOSE // the quote closed the field; keep what follows, as Excel does
          seg = i
          i--
          break
      }
    }
    if (this.state === UNQUOTED || this.state === AFTER_CLOSE || this.state === QUOTED) this.append(text, seg, n)
    return this.drain()
  }

  /** End of input: completes the last record (a file need not end with a newline). */
  end(): CsvRecord[] {
    if (this.state !== FIELD_START || this.cells.length > 0) {
      const unclosed = this.state === QUOTED
      this.endField()
      this.endRecord(unclosed)
    }
    return this.drain()
  }

  private append(text: string, from: number, to: number): void {
    if (this.fieldOversized || to <= from) return
    this.field += text.slice(from, to)
    if (this.field.length > this.limits.maxCellChars) {
      this.fieldOversized = true
      this.field = ''
    }
  }

  private endField(): void {
    if (this.columnCount < this.limits.maxColumns) {
      if (this.fieldOversized) this.oversized.push(this.columnCount)
      this.cells.push(this.field)
    }
    this.columnCount++
    this.field = ''
    this.fieldOversized = false
    this.state = FIELD_START
  }

  private endRecord(unclosedQuote: boolean): void {
    this.out.push({ cells: this.cells, columnCount: this.columnCount, oversized: this.oversized, unclosedQuote })
    this.cells = []
    this.columnCount = 0
    this.oversized = []
  }

  private drain(): CsvRecord[] {
    const records = this.out
    this.out = []
    return records
  }
}
