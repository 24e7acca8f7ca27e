import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { RowError } from './types'

/** A row that did not import: its original cells and every reason. */
export interface RejectedRow {
  rowNumber: number
  cells: string[]
  errors: RowError[]
}

/** The extra columns appended to the original header: the reasons, and where the row was in the original file. */
export const ERROR_COLUMN = '错误'
export const SOURCE_ROW_COLUMN = '原行号'

/** One line of reasons: "身份证号：身份证号“…”校验位错误；合同金额：金额为空". */
export function describeErrors(errors: RowError[]): string {
  return errors.map((e) => (e.column ? `${e.column}：${e.message}` : e.message)).join('；')
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * Write rejected rows back as CSV that Excel opens correctly: UTF-8 with a BOM (without it Chinese
 * Excel reads the file as GBK and garbles names), CRLF, RFC 4180 quoting, the original header plus
 * 错误 and 原行号. Streams, so a fully rejected 200,000-row file is fine. Re-importing the fixed file
 * works as is: the two extra columns map to no field.
 */
export async function writeRejectedCsv(path: string, headers: string[], rows: Iterable<RejectedRow> | AsyncIterable<RejectedRow>): Promise<number> {
  const out = createWriteStream(path)
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain')
  }
  let count = 0
  try {
    await write('\uFEFF' + [...headers, ERROR_COLUMN, SOURCE_ROW_COLUMN].map(csvField).join(',') + '\r\n')
    for await (const r of rows) {
      const cells = headers.map((_, i) => r.cells[i] ?? '')
      await write([...cells, describeErrors(r.errors), String(r.rowNumber)].map(csvField).join(',') + '\r\n')
      count++
    }
  } finally {
    out.end()
    await once(out, 'close')
  }
  return count
}

/**
 * The same as XLSX (streaming writer). Every cell is written as text, so ID numbers and contract
 * numbers keep all their digits; the 错误 column is red so the user sees what to fix.
 */
export async function writeRejectedXlsx(path: string, headers: string[], rows: Iterable<RejectedRow> | AsyncIterable<RejectedRow>): Promise<number> {
  const { default: ExcelJS } = await import('exceljs') // loaded when rejected rows go to XLSX, not at start
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true })
  const ws = wb.addWorksheet('未导入')
  const errorCol = headers.length + 1
  ws.columns = [...headers, ERROR_COLUMN, SOURCE_ROW_COLUMN].map((h, i) => ({ header: h, width: i === headers.length ? 60 : 18, style: { numFmt: '@' } }))
  ws.getRow(1).font = { bold: true }
  ws.getRow(1).commit()
  let count = 0
  for await (const r of rows) {
    const row = ws.addRow([...headers.map((_, i) => r.cells[i] ?? ''), describeErrors(r.errors), String(r.rowNumber)])
    row.getCell(errorCol).font = { color: { argb: 'FFC00000' } }
    row.commit()
    count++
  }
  ws.commit()
  await wb.commit()
  return count
}
