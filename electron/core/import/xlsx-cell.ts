import { excelSerialToIso } from './normalize-date'
import type { SharedStrings } from './xlsx-shared-strings'

/** The parts of one `<c>` element of a worksheet. */
export interface XlsxCell {
  /** The `t` attribute: s (shared string), str (formula string), inlineStr, b, e, d, n (default). */
  type: string | undefined
  /** Text of `<v>`, or of `<is>` for inline strings. */
  value: string
  hasValue: boolean
  hasFormula: boolean
  styleKind: 'date' | 'percent' | null
}

/**
 * One worksheet cell → the text CaseDesk works with. Formulas are never evaluated: the cached
 * result in `<v>` is used, and a formula without one is reported by the caller. Numbers are written
 * with Excel's 15 significant digits, so a computed 0.30000000000000004 reads as the 0.3 the user
 * sees; date-formatted numbers become `YYYY-MM-DD` and percent-formatted ones `18%`, as on screen.
 */
export function xlsxCellText(cell: XlsxCell, sharedStrings: SharedStrings, date1904: boolean): string {
  if (!cell.hasValue) return ''
  switch (cell.type) {
    case 's': return sharedStrings.get(Number(cell.value)) ?? ''
    case 'str':
    case 'inlineStr':
    case 'e': return cell.value
    case 'b': return cell.value === '1' || cell.value === 'true' ? 'TRUE' : 'FALSE'
    case 'd': return cell.value.slice(0, 10)
    default: {
      const n = Number(cell.value)
      if (cell.value.trim() === '' || Number.isNaN(n)) return cell.value
      if (cell.styleKind === 'date') return excelSerialToIso(n, date1904) ?? formatNumber(n)
      if (cell.styleKind === 'percent') return formatNumber(n * 100) + '%'
      return formatNumber(n)
    }
  }
}

/** Excel shows at most 15 significant digits; integers are written out in full. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n)
  return String(Number(n.toPrecision(15)))
}

/** A number format with y/m/d/h/s outside quotes and brackets displays a date (exceljs and SheetJS use the same rule). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false
  return /[ymdhsb]/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''))
}

export function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%')
}
