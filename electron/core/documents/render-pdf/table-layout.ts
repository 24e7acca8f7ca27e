import { SIZES_PT, type TableBlock } from '../model'
import type { Composer } from './composer'
import { breakLines, type Line } from './line-break'

/** Table type: 小四 (12 pt) on an 18 pt pitch, 4 pt padding inside ruled cells. */
const SIZE = SIZES_PT.table
const PITCH = 18
const PAD = 4
const RULE = 0.6

interface RowLayout {
  cells: Line[][]
  height: number
  header: boolean
}

/**
 * Lays out a table: column widths in proportion to their weights, cell text wrapped with the same 禁则
 * rules as body text, rows never split. When the next row does not fit, the table continues on a new
 * page and its header rows are drawn again first.
 */
export function layoutTable(c: Composer, table: TableBlock): void {
  const totalWeight = table.columns.reduce((s, col) => s + col.weight, 0)
  const widths = table.columns.map((col) => (c.textWidth * col.weight) / totalWeight)
  const rows: RowLayout[] = table.rows.map((row, ri) => {
    const header = ri < table.headerRows
    const cells = row.map((runs, ci) => breakLines(header ? runs.map((r) => ({ ...r, bold: true })) : runs, c.measure, SIZE, widths[ci] - 2 * PAD))
    const lines = Math.max(1, ...cells.map((l) => l.length))
    return { cells, height: lines * PITCH + 2 * PAD, header }
  })
  const headers = rows.filter((r) => r.header)
  const headerHeight = headers.reduce((s, r) => s + r.height, 0)

  const drawRow = (row: RowLayout) => {
    const top = c.cursor
    let x = c.geo.left
    const yTop = c.geo.height - top
    const yBottom = yTop - row.height
    const ops = c.page.ops
    ops.push({ kind: 'rule', x1: c.geo.left, y1: yTop, x2: c.geo.left + c.textWidth, y2: yTop, lineWidth: RULE })
    ops.push({ kind: 'rule', x1: c.geo.left, y1: yBottom, x2: c.geo.left + c.textWidth, y2: yBottom, lineWidth: RULE })
    row.cells.forEach((lines, ci) => {
      ops.push({ kind: 'rule', x1: x, y1: yTop, x2: x, y2: yBottom, lineWidth: RULE })
      const align = row.header ? 'center' : table.columns[ci].align === 'justify' ? 'left' : table.columns[ci].align
      lines.forEach((line, li) => {
        c.placeLine(line, { x: x + PAD, width: widths[ci] - 2 * PAD, top: top + PAD + li * PITCH, pitch: PITCH, size: SIZE, align })
      })
      x += widths[ci]
    })
    ops.push({ kind: 'rule', x1: x, y1: yTop, x2: x, y2: yBottom, lineWidth: RULE })
    c.cursor += row.height
  }

  // Keep the header with at least the first body row.
  const firstBody = rows.find((r) => !r.header)
  c.ensure(headerHeight + (firstBody?.height ?? 0))
  for (const row of rows) {
    if (row.header) { drawRow(row); continue }
    if (row.height > c.remaining + 0.01 && !c.atPageTop) {
      c.newPage()
      headers.forEach(drawRow)
    }
    drawRow(row)
  }
  c.cursor += PITCH / 2
}
