import Decimal from 'decimal.js'

/**
 * Amounts in Chinese capital numerals (大写金额), as written on contracts, receipts and court filings.
 * Rules follow 《支付结算办法》附件 (正确填写票据和结算凭证的基本规定): 壹贰叁…, 拾佰仟万亿; one 零 for
 * a run of zeros; "整" after 元 or 角 but not after 分; 10 is 壹拾.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖']
const IN_GROUP = ['仟', '佰', '拾', '']
const GROUPS = ['', '万', '亿', '万亿']

/** A 4-digit group (1–9999) without its leading zeros; zeros inside collapse to one 零. */
function groupWords(group: string): string {
  let out = ''
  let pendingZero = false
  let started = false
  for (let i = 0; i < 4; i++) {
    const d = Number(group[i])
    if (d === 0) {
      if (started) pendingZero = true
      continue
    }
    if (pendingZero) out += '零'
    pendingZero = false
    out += DIGITS[d] + IN_GROUP[i]
    started = true
  }
  return out
}

function integerWords(digits: string): string {
  const padded = digits.padStart(Math.ceil(digits.length / 4) * 4, '0')
  const groups: string[] = []
  for (let i = 0; i < padded.length; i += 4) groups.push(padded.slice(i, i + 4))
  if (groups.length > GROUPS.length) throw new RangeError('amount too large for 大写')
  let out = ''
  let zeroGap = false
  groups.forEach((g, idx) => {
    const unit = GROUPS[groups.length - 1 - idx]
    if (g === '0000') {
      if (out) zeroGap = true
      return
    }
    if (out && (zeroGap || g[0] === '0')) out += '零'
    out += groupWords(g) + unit
    zeroGap = false
  })
  return out
}

/**
 * A yuan amount ("12345.67", or a Decimal) in capital numerals: "壹万贰仟叁佰肆拾伍元陆角柒分".
 * More than two decimals are rounded half-up to the fen. Negative amounts get "负".
 * @throws RangeError for text that is not a decimal number, or 10^16 yuan and above.
 */
export function yuanToChineseUpper(amount: string | Decimal): string {
  const d = new Decimal(amount).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
  if (d.isZero()) return '零元整'
  const [intPart, frac = ''] = d.abs().toFixed(2).split('.')
  const jiao = Number(frac[0])
  const fen = Number(frac[1])
  let out = intPart === '0' ? '' : integerWords(intPart) + '元'
  if (jiao > 0) out += DIGITS[jiao] + '角'
  if (fen > 0) out += (jiao === 0 && out ? '零' : '') + DIGITS[fen] + '分'
  else out += '整'
  return (d.isNegative() ? '负' : '') + out
}
