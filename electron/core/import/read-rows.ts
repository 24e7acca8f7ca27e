import { emptyFile, headerTooWide } from './import-errors'
import { DEFAULT_LIMITS, type RawRecord, type ReadLimits } from './raw-record'
import { openCsv } from './read-csv'
import { openXlsx } from './read-xlsx'
import type { ReadProgress } from './xlsx-zip'
import { sniffFile } from './sniff'
import { columnLetter } from './text'
import type { CsvDelimiter, CsvEncoding, FileInfo, ReadRow, RowError } from './types'

export interface ReadOptions extends Partial<ReadLimits> {
  /** XLSX: the sheet to read (default: the first in tab order). */
  sheet?: string
  /** CSV: override the detected encoding / delimiter (the wizard lets the user correct a guess). */
  encoding?: CsvEncoding
  delimiter?: CsvDelimiter
  /** XLSX: updated with the fraction of the sheet read so far (CSV callers count lines instead). */
  progress?: ReadProgress
}

export interface SheetHeader {
  info: FileInfo
  /** Header cells, trimmed; an empty header cell stays '' (errors then name the column letter). */
  headers: string[]
}

async function openRecords(path: string, opts: ReadOptions) {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...stripUndefined({ maxColumns: opts.maxColumns, maxCellChars: opts.maxCellChars }) }
  const sniffed = await sniffFile(path)
  const opened = sniffed.kind === 'xlsx' ? await openXlsx(path, sniffed, { ...limits, sheet: opts.sheet, progress: opts.progress }) : openCsv(path, sniffed, { ...limits, encoding: opts.encoding, delimiter: opts.delimiter })
  return { ...opened, limits }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

function isBlank(r: RawRecord): boolean {
  if (r.oversized.length > 0 || r.columnCount > r.cells.length) return false
  for (const c of r.cells) if (c !== '' && c.trim() !== '') return false
  return true
}

/** The common row has nothing wrong: decided without building the problem list. */
const hasProblems = (r: RawRecord, limits: ReadLimits) =>
  r.columnCount > limits.maxColumns || r.oversized.length > 0 || r.unclosedQuote === true || (r.formulaWithoutValue?.length ?? 0) > 0

/**
 * The header row (row 1, the first row of the sheet; blank rows before it are skipped) and what was
 * detected about the file. Throws IMPORT_EMPTY_FILE when there is no row at all,
 * IMPORT_NOT_SPREADSHEET / IMPORT_XLS_UNSUPPORTED for other files, IMPORT_HEADER_TOO_WIDE past the column limit.
 */
export async function readHeader(path: string, opts: ReadOptions = {}): Promise<SheetHeader> {
  const { info, records, limits } = await openRecords(path, opts)
  try {
    for await (const r of records) {
      if (isBlank(r)) continue
      if (r.columnCount > limits.maxColumns) throw headerTooWide(r.columnCount, limits.maxColumns)
      return { info, headers: trimTrailingEmpty(r.cells.map((c) => c.trim())) }
    }
  } finally {
    await records.return(undefined)
  }
  throw emptyFile()
}

/**
 * Stream the data rows (everything after the header row), skipping blank rows but keeping the row
 * numbers Excel shows. Reading problems (too many columns, an oversized cell, an unclosed quote, a
 * formula without a cached value) come as `problems` on the row, never as a thrown error, so one bad
 * row cannot stop the import. A header-only file yields nothing.
 */
export async function* readRows(path: string, opts: ReadOptions = {}): AsyncGenerator<ReadRow> {
  const { records, limits } = await openRecords(path, opts)
  let headers: string[] | null = null
  try {
    for await (const r of records) {
      if (isBlank(r)) continue
      if (headers === null) {
        if (r.columnCount > limits.maxColumns) throw headerTooWide(r.columnCount, limits.maxColumns)
        headers = trimTrailingEmpty(r.cells.map((c) => c.trim()))
        continue
      }
      yield hasProblems(r, limits) ? { rowNumber: r.rowNumber, cells: r.cells, problems: rowProblems(r, headers, limits) } : { rowNumber: r.rowNumber, cells: r.cells }
    }
  } finally {
    await records.return(undefined)
  }
  if (headers === null) throw emptyFile()
}

function trimTrailingEmpty(cells: string[]): string[] {
  let n = cells.length
  while (n > 0 && cells[n - 1] === '') n--
  return cells.slice(0, n)
}

function rowProblems(r: RawRecord, headers: string[], limits: ReadLimits): RowError[] {
  const problems: RowError[] = []
  const name = (i: number) => headers[i] || columnLetter(i)
  const add = (column: string, code: string, message: string, messageEn: string) => problems.push({ row: r.rowNumber, column, code, message, messageEn })
  if (r.columnCount > limits.maxColumns) {
    add('', 'IMPORT_ROW_TOO_MANY_COLUMNS', `该行有 ${r.columnCount} 列，超过上限 ${limits.maxColumns} 列`, `The row has ${r.columnCount} columns, more than the limit of ${limits.maxColumns}`)
  }
  for (const i of r.oversized) {
    add(name(i), 'IMPORT_CELL_TOO_LARGE', `单元格内容超过 ${limits.maxCellChars} 个字符，已忽略`, `The cell is longer than ${limits.maxCellChars} characters and was ignored`)
  }
  if (r.unclosedQuote) {
    add('', 'IMPORT_CSV_UNCLOSED_QUOTE', '引号没有闭合，文件的剩余部分都被读进了这一行', 'A quote is never closed, so the rest of the file was read into this row')
  }
  for (const i of r.formulaWithoutValue ?? []) {
    add(name(i), 'IMPORT_FORMULA_NO_VALUE', '公式没有计算结果，请在 Excel 中打开并保存后再导入', 'The formula has no calculated value; open and save the file in Excel, then import it')
  }
  return problems
}
