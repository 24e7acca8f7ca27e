import Decimal from 'decimal.js'

/**
 * Numbers as contracts write them: Arabic with thousands separators, 小写 Chinese numerals (二十四, 两千)
 * and 大写 financial numerals (壹万贰仟元整). Everything exact: decimal strings and integer fen, no floats.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 貳: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4, 五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
}
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 }

/** Characters that may form a Chinese numeral (used to build regexes). */
export const CN_NUMERAL_CHARS = '零〇一壹二两贰貳三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億'

/** Integer value of a Chinese numeral such as 二十四, 一百零五, 壹万伍仟, 十二; null if it is not one. */
export function parseChineseInteger(s: string): number | null {
  if (s.length === 0) return null
  let total = 0, section = 0, digit = -1
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]
    } else if (ch in SMALL_UNITS) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNITS[ch]
      digit = -1
    } else if (ch === '万' || ch === '萬') {
      total += (section + Math.max(digit, 0)) * 10_000
      section = 0
      digit = -1
    } else if (ch === '亿' || ch === '億') {
      total = (total + section + Math.max(digit, 0)) * 100_000_000
      section = 0
      digit = -1
    } else {
      return null
    }
  }
  return total + section + Math.max(digit, 0)
}

/** A number written with Arabic digits or Chinese numerals, with an optional 点 decimal part, as a Decimal. */
export function parseNumber(s: string): Decimal | null {
  const t = s.replace(/,/g, '').trim()
  if (/^\d+(\.\d+)?$/.test(t)) return new Decimal(t)
  const [intPart, fracPart] = t.split('点')
  const int = intPart === '' ? 0 : parseChineseInteger(intPart)
  if (int === null) return null
  if (fracPart === undefined) return new Decimal(int)
  let frac = ''
  for (const ch of fracPart) {
    if (!(ch in DIGITS)) return null
    frac += String(DIGITS[ch])
  }
  return new Decimal(`${int}.${frac || '0'}`)
}

/** A money amount found in the text, in integer fen, with its span. */
export interface AmountMatch {
  fen: number
  start: number
  end: number
}

const ARABIC = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`
/** ¥10,000.00 / 10000元 / 1.5万元 / 人民币10,000.00元. */
const ARABIC_AMOUNT = new RegExp(String.raw`(?:[¥￥]\s*${ARABIC}\s*(万)?(?:\s*元)?|${ARABIC}\s*(万)?\s*[元圆])`, 'g')
/** 壹万贰仟元整 / 一万元 / 伍仟元伍角. */
const CN_AMOUNT = new RegExp(
  `([${CN_NUMERAL_CHARS}]+)[元圆](?:([零〇壹贰叁肆伍陆柒捌玖一二三四五六七八九])角)?(?:([零〇壹贰叁肆伍陆柒捌玖一二三四五六七八九])分)?(?:整|正)?`,
  'g',
)

/** Fen for "yuan[.frac]" times an optional 万, rounded half-up to the fen. */
function toFen(intText: string, frac: string | undefined, wan: boolean): number {
  let d = new Decimal(`${intText.replace(/,/g, '')}.${frac ?? '0'}`)
  if (wan) d = d.times(10_000)
  return d.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
}

/** Every money amount in text[from, to), in text order; overlapping matches keep the earlier, longer one. */
export function findAmounts(text: string, from = 0, to = text.length): AmountMatch[] {
  const slice = text.slice(from, to)
  const found: AmountMatch[] = []
  for (const m of slice.matchAll(ARABIC_AMOUNT)) {
    const fen = m[1] !== undefined ? toFen(m[1], m[2], !!m[3]) : toFen(m[4], m[5], !!m[6])
    found.push({ fen, start: from + m.index, end: from + m.index + m[0].length })
  }
  for (const m of slice.matchAll(CN_AMOUNT)) {
    const yuan = parseChineseInteger(m[1])
    // A bare unit such as the 万 of "1万元" is not an amount by itself (the Arabic match covers it).
    if (yuan === null || (yuan === 0 && !/[零〇]/.test(m[1]))) continue
    const jiao = m[2] ? parseChineseInteger(m[2]) ?? 0 : 0
    const fen = m[3] ? parseChineseInteger(m[3]) ?? 0 : 0
    found.push({ fen: yuan * 100 + jiao * 10 + fen, start: from + m.index, end: from + m.index + m[0].length })
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  return found.filter((a, i) => i === 0 || a.start >= found[i - 1].end)
}

/** Fen from a user-typed yuan string ("9000", "9,000.00"); null if it is not an amount. */
export function yuanToFen(yuan: string): number | null {
  const t = yuan.replace(/,/g, '').trim()
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null
  return new Decimal(t).times(100).toNumber()
}

/** "9,000.00" style yuan text for messages. */
export function formatYuan(fen: number): string {
  const neg = fen < 0
  const abs = Math.abs(fen)
  const int = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${neg ? '-' : ''}${int}.${String(abs % 100).padStart(2, '0')}`
}

/** Decimal string without exponent or trailing zeros ("0.24", "0.0005"). */
export function decimalString(d: Decimal): string {
  return d.toFixed()
}
