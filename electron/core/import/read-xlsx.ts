import { notASpreadsheet, sheetNotFound } from './import-errors'
import type { RawRecord, ReadLimits } from './raw-record'
import type { Sniffed } from './sniff'
import type { FileInfo } from './types'
import { xlsxCellText, type XlsxCell } from './xlsx-cell'
import { readWorkbookMeta, type WorkbookMeta } from './xlsx-parts'
import { zipEntryTexts, type ReadProgress } from './xlsx-zip'
import { XmlScanner } from './xml-scanner'

const corrupt = (e: unknown) => {
  const why = e instanceof Error ? e.message : String(e)
  return notASpreadsheet(`无法按 XLSX 读取（${why}）`, `cannot be read as XLSX (${why})`)
}

/**
 * Open an XLSX file for streaming. Two passes over the zip: the first reads the workbook, styles
 * and shared strings; the second inflates only the chosen sheet and turns its XML into rows as it
 * streams, so a 200 MB workbook never sits in memory (the shared strings do, as in any reader, but as
 * UTF-8 bytes: xlsx-shared-strings.ts).
 * Reads the sheet named `sheet`, else the first sheet in tab order.
 */
export async function openXlsx(path: string, sniffed: Sniffed, opts: ReadLimits & { sheet?: string; progress?: ReadProgress }): Promise<{ info: FileInfo; records: AsyncGenerator<RawRecord> }> {
  let meta: WorkbookMeta | null
  try {
    meta = await readWorkbookMeta(path)
  } catch (e) {
    throw corrupt(e)
  }
  if (meta === null || meta.sheets.length === 0) throw notASpreadsheet('压缩包里没有 Excel 工作簿', 'the zip holds no Excel workbook')
  const sheet = opts.sheet === undefined ? meta.sheets[0] : meta.sheets.find((s) => s.name === opts.sheet)
  if (!sheet) throw sheetNotFound(opts.sheet ?? '', meta.sheets.map((s) => s.name))
  const info: FileInfo = { format: 'xlsx', sizeBytes: sniffed.sizeBytes, sheet: sheet.name }
  return { info, records: streamSheet(path, sheet.path, meta, opts, opts.progress) }
}

async function* streamSheet(path: string, sheetPath: string, meta: WorkbookMeta, limits: ReadLimits, progress?: ReadProgress): AsyncGenerator<RawRecord> {
  const out: RawRecord[] = []
  let record: RawRecord | null = null
  let lastRow = 0
  let col = -1
  let cell: XlsxCell | null = null
  let capture: 'v' | 't' | null = null
  let inInline = false
  let oversizedCell = false

  const scanner = new XmlScanner({
    open(name, a) {
      if (name === 'row') {
        lastRow = a.r ? Number(a.r) : lastRow + 1
        record = { rowNumber: lastRow, cells: [], columnCount: 0, oversized: [], formulaWithoutValue: [] }
        col = -1
      } else if (name === 'c' && record) {
        col = a.r ? columnIndex(a.r) : col + 1
        const s = a.s ? Number(a.s) : 0
        cell = { type: a.t, value: '', hasValue: false, hasFormula: false, styleKind: meta.styleKinds[s] ?? null }
        oversizedCell = false
      } else if (cell) {
        if (name === 'f') cell.hasFormula = true
        else if (name === 'v') { capture = 'v'; cell.hasValue = true }
        else if (name === 'is') { inInline = true; cell.hasValue = true }
        else if (name === 't' && inInline) capture = 't'
        else if (name === 'rPh') capture = null
      }
    },
    close(name) {
      if (name === 'v' || name === 't') capture = null
      else if (name === 'is') inInline = false
      else if (name === 'c' && record && cell) {
        finishCell(record, col, cell, oversizedCell, meta, limits)
        cell = null
      } else if (name === 'row' && record) {
        out.push(record)
        record = null
      }
    },
    text(t) {
      if (capture === null || cell === null || oversizedCell) return
      cell.value += t
      if (cell.value.length > limits.maxCellChars) { oversizedCell = true; cell.value = '' }
    },
  })
  try {
    for await (const { text } of zipEntryTexts(path, (n) => n === sheetPath, progress)) {
      scanner.push(text)
      while (out.length > 0) yield out.shift()!
    }
  } catch (e) {
    throw corrupt(e)
  }
}

function finishCell(record: RawRecord, col: number, cell: XlsxCell, oversized: boolean, meta: WorkbookMeta, limits: ReadLimits): void {
  const text = oversized ? '' : xlsxCellText(cell, meta.sharedStrings, meta.date1904)
  // Formatted-but-empty cells (common far to the right in exports) neither count nor widen the row.
  if (text === '' && !oversized && !(cell.hasFormula && !cell.hasValue)) return
  record.columnCount = Math.max(record.columnCount, col + 1)
  if (col >= limits.maxColumns) return
  while (record.cells.length < col) record.cells.push('')
  record.cells[col] = text
  if (oversized) record.oversized.push(col)
  else if (text.length > limits.maxCellChars) { record.oversized.push(col); record.cells[col] = '' }
  if (cell.hasFormula && !cell.hasValue) record.formulaWithoutValue!.push(col)
}

/** "AB12" → 27 (0-based column index). */
function columnIndex(ref: string): number {
  let n = 0
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i)
    if (c < 65 || c > 90) break
    n = n * 26 + (c - 64)
  }
  return n - 1
}
