import { createReadStream } from 'node:fs'
import ExcelJS from 'exceljs'
import { notASpreadsheet, sheetNotFound } from './import-errors'
import type { RawRecord, ReadLimits } from './raw-record'
import type { Sniffed } from './sniff'
import type { FileInfo } from './types'
import { cellText } from './xlsx-cell'

interface StreamCell { value: unknown; numFmt?: string }
interface StreamRow { number: number; eachCell(opts: { includeEmpty: boolean }, cb: (cell: StreamCell, col: number) => void): void }
interface StreamSheet extends AsyncIterable<StreamRow> { name: string }
interface ReaderInternals { model?: { sheets?: Array<{ name: string }> }; properties?: { model?: { date1904?: boolean } } }

const corrupt = (e: unknown) =>
  notASpreadsheet(`无法按 XLSX 读取（${e instanceof Error ? e.message : String(e)}）`, `cannot be read as XLSX (${e instanceof Error ? e.message : String(e)})`)

/**
 * Open an XLSX file with exceljs's streaming WorkbookReader (rows are parsed as they stream out of
 * the zip; sheets that precede the shared strings are spooled to temp files by exceljs, not held in
 * memory). Reads the sheet named `sheet`, else the first sheet in tab order. Resolves once the
 * sheet is found, so `info.sheet` is known before the first row.
 */
export async function openXlsx(path: string, sniffed: Sniffed, opts: ReadLimits & { sheet?: string }): Promise<{ info: FileInfo; records: AsyncGenerator<RawRecord> }> {
  const stream = createReadStream(path)
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  })
  const internals = reader as unknown as ReaderInternals
  const sheets = (reader as unknown as AsyncIterable<StreamSheet>)[Symbol.asyncIterator]()
  const seen: string[] = []
  let chosen: StreamSheet | null = null
  try {
    for (;;) {
      const next = await sheets.next()
      if (next.done) break
      const ws = next.value
      seen.push(ws.name)
      const wanted = opts.sheet ?? internals.model?.sheets?.[0]?.name ?? ws.name
      if (ws.name === wanted) { chosen = ws; break }
    }
  } catch (e) {
    stream.destroy()
    throw corrupt(e)
  }
  if (chosen === null) {
    stream.destroy()
    if (seen.length === 0) throw notASpreadsheet('压缩包里没有工作表', 'the zip holds no worksheet')
    throw sheetNotFound(opts.sheet ?? '', seen)
  }
  const date1904 = internals.properties?.model?.date1904 === true
  const info: FileInfo = { format: 'xlsx', sizeBytes: sniffed.sizeBytes, sheet: chosen.name }
  return { info, records: streamRows(chosen, stream, date1904, opts) }
}

async function* streamRows(sheet: StreamSheet, stream: ReturnType<typeof createReadStream>, date1904: boolean, limits: ReadLimits): AsyncGenerator<RawRecord> {
  try {
    for await (const row of sheet) {
      const cells: string[] = []
      const oversized: number[] = []
      const formulaWithoutValue: number[] = []
      let columnCount = 0
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        columnCount = Math.max(columnCount, col)
        if (col > limits.maxColumns) return
        const { text, formulaWithoutValue: noValue } = cellText(cell.value, cell.numFmt, date1904)
        while (cells.length < col - 1) cells.push('')
        if (noValue) formulaWithoutValue.push(col - 1)
        if (text.length > limits.maxCellChars) {
          oversized.push(col - 1)
          cells.push('')
        } else cells.push(text)
      })
      yield { rowNumber: row.number, cells, columnCount, oversized, formulaWithoutValue }
    }
  } catch (e) {
    throw corrupt(e)
  } finally {
    stream.destroy()
  }
}
