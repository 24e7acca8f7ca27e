import Decimal from 'decimal.js'
import { parseNumber } from './numbers'
import type { RateValue } from './types'

/**
 * Rates in the forms contracts use: 年利率24%, 年化利率, 月利率2%, 月息2分, 日利率0.05%, 日息万分之五,
 * 每日千分之一, 2%/月, and relative ones (在原利率基础上上浮50%, 借款利率的1.5倍).
 * Daily rates are annualised with the contract's day basis (360 unless it says 365, LEGAL-RULES §I);
 * monthly rates × 12; traditional 月息X分 = X % a month, 月息X厘 = X ‰ a month, 年息X分 = 10·X %, 年息X厘 = X %.
 */

const NUM = String.raw`\d+(?:\.\d+)?`
const CN = '[零〇一二两三四五六七八九十百千点]+'
const FRACTION = String.raw`(百分之|千分之|万分之)(${NUM}|${CN})`
const SYMBOL = String.raw`(${NUM})\s*(%|‰|‱)`
const GLUE = '(?:为|是|按|:|：|\\s|计|算|的|标准|即|约|收取|支付|计收)*'
/** What may stand between a period word and the figure: 年利率（单利）为 / 每日按未还本金的. */
const CONNECT = `(?:\\s*[（(](?:单利|复利)[)）])?${GLUE}(?:(?:未还|剩余|逾期|应还|欠款|借款|贷款|全部)*(?:本金|金额|本息|款项|借款)(?:总额|余额)?的?)?${GLUE}`

type Per = 'year' | 'month' | 'day'
const PERIOD_WORDS: [Per, string][] = [
  ['year', '年化综合成本|年化综合费率|年化利率|年化费率|年化|年利率|年息|年费率|每年|按年'],
  ['month', '月利率|月息|月费率|每月|按月'],
  ['day', '日利率|日息|日费率|每日|每天|按日|按天|日'],
  // A bare 利率 (借款利率为24%) is annual by Chinese convention.
  ['year', '利率'],
]

export interface RateMatch {
  start: number
  end: number
  per: Per | 'uplift'
  /** Fraction per period (or the uplift fraction for 'uplift'). */
  written: Decimal
}

function scale(unit: string): Decimal {
  if (unit === '百分之' || unit === '%') return new Decimal(100)
  if (unit === '千分之' || unit === '‰') return new Decimal(1000)
  return new Decimal(10_000)
}

/** A written percentage, "24%", "百分之二十四", "千分之一", "0.5‰", as a fraction. */
export function parsePercent(prefixOrNum: string, numOrUnit: string, isPrefixForm: boolean): Decimal | null {
  const n = parseNumber(isPrefixForm ? numOrUnit : prefixOrNum)
  if (!n) return null
  return n.dividedBy(scale(isPrefixForm ? prefixOrNum : numOrUnit))
}

/** Every percentage (without a period) in a string: used for fees and lump-sum penalties. */
export function findPercents(text: string): { fraction: Decimal; start: number; end: number }[] {
  const out: { fraction: Decimal; start: number; end: number }[] = []
  for (const m of text.matchAll(new RegExp(`${FRACTION}|${SYMBOL}`, 'g'))) {
    const f = m[1] ? parsePercent(m[1], m[2], true) : parsePercent(m[3], m[4], false)
    if (f) out.push({ fraction: f, start: m.index, end: m.index + m[0].length })
  }
  return out
}

const rateRegexes: { re: RegExp; per: Per; traditional: boolean }[] = []
for (const [per, words] of PERIOD_WORDS) {
  rateRegexes.push({ re: new RegExp(`(?:${words})${CONNECT}(?:${FRACTION}|${SYMBOL})`, 'g'), per, traditional: false })
}
// 月息2分 / 月息一分五厘 is not supported; 月息1.5分, 年息2厘 are.
rateRegexes.push({ re: new RegExp(`(月息|年息)\\s*(${NUM}|${CN})\\s*(分|厘)(?![钟期])`, 'g'), per: 'month', traditional: true })
const POSTFIX = new RegExp(String.raw`(?:${FRACTION}|${SYMBOL})\s*(?:/|每|每个?)\s*(年|月|日|天)`, 'g')
const UPLIFT = new RegExp(
  String.raw`(?:在)?(?:原|借款|约定|合同|正常|借期内|本合同|上述|该)?(?:约定的?)?(?:借款)?(?:利率|利息)(?:标准)?(?:的)?(?:基础上)?(?:上浮|加收|提高|增加|上调)(${NUM}|${CN})\s*(%|成)`,
  'g',
)
const TIMES = new RegExp(String.raw`(?:原|借款|约定|合同|正常|借期内)?(?:利率|利息)(?:标准)?的\s*(${NUM}|${CN})\s*倍`, 'g')

/** Every rate expression in `text`, in order, without overlaps (the longer of two overlapping matches wins). */
export function findRates(text: string): RateMatch[] {
  const found: RateMatch[] = []
  for (const { re, per, traditional } of rateRegexes) {
    for (const m of text.matchAll(re)) {
      let written: Decimal | null
      let p: Per = per
      if (traditional) {
        const n = parseNumber(m[2])
        if (!n) continue
        const yearly = m[1] === '年息'
        p = yearly ? 'year' : 'month'
        // 分 = 1/100 of the month for 月息 and 1/10 of the year for 年息; 厘 is a tenth of 分.
        written = yearly ? n.dividedBy(m[3] === '分' ? 10 : 100) : n.dividedBy(m[3] === '分' ? 100 : 1000)
      } else {
        written = m[1] ? parsePercent(m[1], m[2], true) : parsePercent(m[3], m[4], false)
      }
      if (written) found.push({ start: m.index, end: m.index + m[0].length, per: p, written })
    }
  }
  for (const m of text.matchAll(POSTFIX)) {
    const written = m[1] ? parsePercent(m[1], m[2], true) : parsePercent(m[3], m[4], false)
    const per: Per = m[5] === '年' ? 'year' : m[5] === '月' ? 'month' : 'day'
    if (written) found.push({ start: m.index, end: m.index + m[0].length, per, written })
  }
  for (const m of text.matchAll(UPLIFT)) {
    const n = parseNumber(m[1])
    if (n) found.push({ start: m.index, end: m.index + m[0].length, per: 'uplift', written: n.dividedBy(m[2] === '成' ? 10 : 100) })
  }
  for (const m of text.matchAll(TIMES)) {
    const n = parseNumber(m[1])
    if (n) found.push({ start: m.index, end: m.index + m[0].length, per: 'uplift', written: n.minus(1) })
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: RateMatch[] = []
  for (const r of found) {
    const last = kept[kept.length - 1]
    if (!last || r.start >= last.end) kept.push(r)
    else if (r.end - r.start > last.end - last.start) kept[kept.length - 1] = r
  }
  return kept
}

/** The annual fraction of a rate; an uplift needs the base (term) rate and stays null without one. */
export function annualise(per: RateMatch['per'], written: Decimal, dayBasis: 360 | 365, base: string | null = null): string | null {
  if (per === 'year') return written.toFixed()
  if (per === 'month') return written.times(12).toFixed()
  if (per === 'day') return written.times(dayBasis).toFixed()
  return base === null ? null : new Decimal(base).times(written.plus(1)).toFixed()
}

/** Build the RateValue kept on a term. */
export function toRateValue(r: RateMatch, dayBasis: 360 | 365, base: string | null = null): RateValue {
  return { annual: annualise(r.per, r.written, dayBasis, base), per: r.per, written: r.written.toFixed() }
}

/**
 * Whether two rates say the same thing. A daily rate and an annual one agree if they match on either day basis
 * (日利率0.05% with 年化18.25% is one rate written twice, not a conflict).
 */
export function sameRate(a: RateValue, b: RateValue): boolean {
  if (a.annual === null || b.annual === null) return a.annual === b.annual && a.written === b.written
  const eq = (x: Decimal, y: Decimal) => x.minus(y).abs().lessThanOrEqualTo('0.00005')
  if (eq(new Decimal(a.annual), new Decimal(b.annual))) return true
  const alt = (r: RateValue) => (r.per === 'day' ? [new Decimal(r.written).times(360), new Decimal(r.written).times(365)] : [new Decimal(r.annual!)])
  return alt(a).some((x) => alt(b).some((y) => eq(x, y)))
}
