import { fromDayNumber, isIsoDate, toDayNumber } from '../../../shared/domain/date'
import { bad, parsed, type Parsed } from './parsed'
import { stripSpaces } from './text'
import { toHalfWidth } from '../../../shared/domain/half-width'

/** Excel day 0 is 1899-12-31 in the 1900 system, but Excel also counts the non-existent 1900-02-29 (serial 60). */
const EXCEL_1900_BASE = toDayNumber('1899-12-31')
/** In the 1900 system every serial from 61 on is one day late because of that phantom leap day. */
const EXCEL_1900_AFTER_BUG_BASE = toDayNumber('1899-12-30')
const EXCEL_1904_BASE = toDayNumber('1904-01-01')
/** Loans in CaseDesk are modern; a year outside this range is a typo or a wrong column. */
const MIN_YEAR = 1900
const MAX_YEAR = 2100
/** A bare number is read as a serial only if it lands in loan-era years; "5" in a date column is a mistake, not 1900-01-05. */
const MIN_SERIAL_YEAR = 1950

const pad = (n: string) => n.padStart(2, '0')

/**
 * An Excel serial day number to an ISO date. In the 1900 system (the default) serial 60 is
 * 1900-02-29, a date that never existed (Lotus 1-2-3 compatibility), so it is rejected; serials
 * after it are shifted back one day. Fractions (time of day) are dropped.
 */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null
  const day = Math.floor(serial)
  if (date1904) return fromDayNumber(EXCEL_1904_BASE + day)
  if (day === 60) return null
  return fromDayNumber(day < 60 ? EXCEL_1900_BASE + day : EXCEL_1900_AFTER_BUG_BASE + day)
}

function ymd(y: string, m: string, d: string): string | null {
  const iso = `${y}-${pad(m)}-${pad(d)}`
  const year = Number(y)
  return isIsoDate(iso) && year >= MIN_YEAR && year <= MAX_YEAR ? iso : null
}

const invalid = (text: string) =>
  bad('IMPORT_DATE_INVALID', `无法识别的日期“${text}”，请写成 2024-03-05 的格式`, `Unrecognised date "${text}"; write it as 2024-03-05`)

/**
 * Any date spelling found in lenders' exports → `YYYY-MM-DD`:
 * `2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日`, `20240305`, an optional time after the date
 * (`2024-03-05 10:21:00`, `2024-03-05T10:21:00`), full-width digits, and Excel serial numbers
 * (`45356`, `45356.5`). Day-first or month-first forms (`5/3/2024`) are refused as ambiguous rather than guessed.
 */
export function normalizeDate(raw: string, opts: { date1904?: boolean } = {}): Parsed<string> {
  const text = toHalfWidth(raw).trim()
  if (text === '') return bad('IMPORT_DATE_EMPTY', '日期为空', 'Date is empty')
  // Drop a time of day ("2024-03-05 10:21:00", "2024-03-05T10:21:00Z", "2024年3月5日 12时"), then inner spaces.
  const datePart = stripSpaces(text.replace(/(?<=[\d日])(?:T|\s+)\d{1,2}[:时].*$/, ''))
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(datePart) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(datePart)
  if (m) return ok(ymd(m[1], m[2], m[3]), text)
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(datePart)
  if (m) return ok(ymd(m[1], m[2], m[3]), text)
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(datePart)) {
    return bad('IMPORT_DATE_AMBIGUOUS', `日期“${text}”的日、月顺序不明确，请写成 2024-03-05 的格式`, `Date "${text}" is ambiguous (day/month order); write it as 2024-03-05`)
  }
  // An Excel serial: up to 7 digits (2958465 = 9999-12-31) with an optional fraction for the time.
  if (/^\d{1,7}(\.\d+)?$/.test(datePart)) {
    const iso = excelSerialToIso(Number(datePart), opts.date1904)
    if (iso === null && Math.floor(Number(datePart)) === 60 && !opts.date1904) {
      return bad('IMPORT_DATE_INVALID', 'Excel 日期序号 60 对应不存在的 1900-02-29', 'Excel serial 60 is the non-existent date 1900-02-29')
    }
    const year = iso === null ? 0 : Number(iso.slice(0, 4))
    return ok(year >= MIN_SERIAL_YEAR && year <= MAX_YEAR ? iso : null, text)
  }
  return invalid(text)
}

function ok(iso: string | null, text: string): Parsed<string> {
  return iso === null ? invalid(text) : parsed(iso)
}
