/**
 * One row as a reader produced it, before header-aware checks turn its flags into RowErrors.
 * Both the CSV and the XLSX reader emit this shape.
 */
export interface RawRecord {
  /** The row number as Excel shows it (1-based; CSV: the record's position, quoted newlines included). */
  rowNumber: number
  cells: string[]
  /** Fields in the row, including any beyond the column limit that were not kept. */
  columnCount: number
  /** 0-based columns whose text exceeded the cell limit and was dropped. */
  oversized: number[]
  /** CSV: the file ended inside a quoted field. */
  unclosedQuote?: boolean
  /** XLSX: 0-based columns holding a formula with no cached result (never evaluated by CaseDesk). */
  formulaWithoutValue?: number[]
}

export interface ReadLimits {
  /** A row with more fields is a row-level error (default 200). */
  maxColumns: number
  /** A longer cell is a row-level error and its text is dropped (default 1,000,000 characters). */
  maxCellChars: number
}

export const DEFAULT_LIMITS: ReadLimits = { maxColumns: 200, maxCellChars: 1_000_000 }
