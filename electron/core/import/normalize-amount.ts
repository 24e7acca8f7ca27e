import { bad, parsed, type Parsed } from './parsed'
import { stripSpaces } from './text'
import { toHalfWidth } from '../../../shared/domain/half-width'

/** Largest amount accepted: 10^13 fen (one hundred billion yuan) stays far inside Number.MAX_SAFE_INTEGER. */
const MAX_FEN = 10 ** 13

const invalid = (text: string) =>
  bad('IMPORT_AMOUNT_INVALID', `无法识别的金额“${text}”`, `Unrecognised amount "${text}"`)

/**
 * A money cell → integer fen, exactly: the decimal text is split into its digits, never passed
 * through a float. Accepts `¥`/`￥`/`RMB`/`CNY`/`人民币` prefixes, thousands separators (`,` `，`),
 * a `元` suffix, `万`/`万元` (×10,000), full-width digits and stray spaces: `￥1,234.50元` → 123450,
 * `1.5万元` → 1500000000 (`opts.wan` when the column header says 万元). Refuses negatives and amounts finer than one fen (no silent rounding).
 */
export function normalizeAmountFen(raw: string, opts: { wan?: boolean } = {}): Parsed<number> {
  const text = stripSpaces(toHalfWidth(raw))
  if (text === '') return bad('IMPORT_AMOUNT_EMPTY', '金额为空', 'Amount is empty')
  let s = text.replace(/^(?:人民币|RMB|CNY|¥|￥)+/i, '').replace(/(?:元整|元|圆整|圆)$/, '')
  let shift = opts.wan ? 6 : 2 // decimal places moved right: yuan → fen, or 万元 → fen
  if (s.endsWith('万')) {
    s = s.slice(0, -1)
    shift = 6
  }
  s = s.replace(/^(?:¥|￥)/, '')
  if (/^[-−(（]/.test(s)) {
    return bad('IMPORT_AMOUNT_NEGATIVE', `金额“${text}”不能为负数`, `Amount "${text}" must not be negative`)
  }
  // Thousands separators only between digit groups of three, so "1,2" is not silently read as 12.
  if (/[,，]/.test(s)) {
    if (!/^\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/.test(s)) return invalid(text)
    s = s.replace(/[,，]/g, '')
  }
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s) ?? /^()\.(\d+)$/.exec(s)
  if (!m) return invalid(text)
  const intDigits = m[1] || '0'
  const fracDigits = (m[2] ?? '').replace(/0+$/, '')
  if (fracDigits.length > shift) {
    return bad('IMPORT_AMOUNT_PRECISION', `金额“${text}”精确到分以下，请核对`, `Amount "${text}" has more precision than one fen`)
  }
  const fen = Number(intDigits + fracDigits.padEnd(shift, '0'))
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) {
    return bad('IMPORT_AMOUNT_TOO_LARGE', `金额“${text}”过大`, `Amount "${text}" is too large`)
  }
  return parsed(fen)
}
