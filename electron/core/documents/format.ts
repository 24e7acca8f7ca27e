import Decimal from 'decimal.js'
import { isIsoDate } from '../../../shared/domain/date'
import { yuanToChineseUpper } from './amount-words'

/**
 * How values print in documents. Each helper returns `undefined` for a value it cannot format, so the
 * template shows a blank and reports the field as missing rather than printing nonsense.
 */

/** "12345.6" → "12,345.60". */
export function formatYuan(amount: string): string | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(amount)) return undefined
  const fixed = new Decimal(amount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)
  const [int, frac] = fixed.split('.')
  const sign = int.startsWith('-') ? '-' : ''
  return `${sign}${int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`
}

/** "2024-07-01" → "2024年7月1日" (court documents write dates this way). */
export function formatDateZh(date: string): string | undefined {
  if (!isIsoDate(date)) return undefined
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/** "0.154" → "15.4%"; trailing zeros dropped ("0.24" → "24%"). */
export function formatRatePct(rate: string): string | undefined {
  if (!/^\d+(\.\d+)?$/.test(rate)) return undefined
  return `${new Decimal(rate).times(100).toDecimalPlaces(4).toString()}%`
}

/** Hides the middle of an ID or phone number: keeps the first 4 (ID) / 3 (phone) and the last 4 characters. */
export function maskNumber(value: string): string {
  const v = value.trim()
  if (v.length <= 8) return v.slice(0, 1) + '*'.repeat(Math.max(0, v.length - 1))
  const head = v.length >= 15 ? 4 : 3
  return v.slice(0, head) + '*'.repeat(v.length - head - 4) + v.slice(-4)
}

/** A yuan amount in capital numerals, or undefined when the text is not an amount. */
export function formatUpper(amount: string): string | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(amount)) return undefined
  return yuanToChineseUpper(amount)
}
