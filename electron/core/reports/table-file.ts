
/**
 * A plain table (a Chinese header row and cells) written as XLSX or CSV. CSV is UTF-8 with a BOM and CRLF,
 * RFC 4180 quoted, because Excel in China reads a BOM-less CSV as GBK and garbles every name. XLSX keeps
 * text cells as text (ID numbers, case numbers keep every digit) and money as numbers with two decimals.
 */
export type Cell = string | number | null

export interface TableColumnSpec {
  header: string
  /** 'money' cells are yuan numbers shown with two decimals; 'text' cells are forced to text in XLSX. */
  kind: 'text' | 'int' | 'money'
  width?: number
}

export interface TableData {
  sheet: string
  columns: TableColumnSpec[]
  rows: Cell[][]
}

function csvField(v: Cell): string {
  const s = v === null ? '' : String(v)
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s
}

export function tableToCsv(t: TableData): Buffer {
  const lines = [t.columns.map((c) => csvField(c.header)).join(',')]
  for (const r of t.rows) lines.push(r.map(csvField).join(','))
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8')
}

export async function tableToXlsx(t: TableData): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs') // heavy: loaded on the first XLSX export only
  const wb = new ExcelJS.Workbook()
  wb.creator = 'CaseDesk 案件台'
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = t.columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    style: c.kind === 'text' ? { numFmt: '@' } : c.kind === 'money' ? { numFmt: '#,##0.00' } : {},
  }))
  ws.getRow(1).font = { bold: true }
  for (const r of t.rows) ws.addRow(r.map((v, i) => (v === null ? null : t.columns[i].kind === 'money' ? Number(v) : v)))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Characters a file name cannot carry on Windows, macOS or Linux. */
export function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/_+/g, '_').slice(0, 150)
}
