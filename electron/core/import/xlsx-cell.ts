import { excelSerialToIso } from './normalize-date'

/**
 * One XLSX cell value (as exceljs's streaming reader gives it) → the text CaseDesk works with.
 * Formulas are never evaluated: their cached result is used, and a missing result is reported by
 * the caller. Numbers are written with Excel's 15 significant digits, so a computed 0.30000000000000004
 * reads as the 0.3 the user sees. Date-formatted numbers become `YYYY-MM-DD`.
 */
export function cellText(value: unknown, numFmt: string | undefined, date1904: boolean): { text: string; formulaWithoutValue: boolean } {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as Record<string, unknown>
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) return { text: '', formulaWithoutValue: true }
      return { text: plainText(v.result, numFmt, date1904), formulaWithoutValue: false }
    }
  }
  return { text: plainText(value, numFmt, date1904), formulaWithoutValue: false }
}

function plainText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return ''
    if (isDateFormat(numFmt)) return excelSerialToIso(value, date1904) ?? formatNumber(value)
    return formatNumber(value)
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('')
    if (typeof v.error === 'string') return v.error
    if ('text' in v) return plainText(v.text, numFmt, date1904)
    if ('result' in v) return plainText(v.result, numFmt, date1904)
  }
  return String(value)
}

/** Excel shows at most 15 significant digits; integers are written out in full. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n)
  return String(Number(n.toPrecision(15)))
}

/** The rule exceljs uses: a number format with y/m/d/h/s outside quotes and brackets is a date format. */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false
  return /[ymdhMsb]+/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))
}
