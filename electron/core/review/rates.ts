import Decimal from 'decimal.js'
import { parseNumber } from './numbers'
import type { RateValue } from './types'

/**
 * Rates in the forms contracts use: 年利率24%, 年化利率, 月利率2%, 月息2分, 日利率0.05%, 日息万分之五,
 * 每日千分之一, 2%/月, relative ones (在原利率基础上上浮50%, 借款利率的1.5倍), LPR-based ones (一年期LPR加300个基点,
 * 一年期LPR的四倍, LPR上浮50%: resolved on the contract date by lpr-rates.ts) and ranges (年利率18%至24%: both ends
 * are kept as two rates, so the conflict is reported rather than one end picked).
 * Daily rates are annualised with the contract's day basis (360 unless it says 365, LEGAL-RULES §I);
 * monthly rates × 12; traditional 分/厘 (厘 = a tenth of 分): 年息1分 = 10 %, 月息1分 = 1 % a month,
 * 日息1分 = 0.1 % a day — so 月息一分五厘 = 1.5 % a month and 日息三厘 = 0.03 % a day.
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
  per: Per | 'uplift' | 'lpr'
  /** Fraction per period (the uplift fraction for 'uplift', the margin over times × LPR for 'lpr'). */
  written: Decimal
  /** For 'lpr': which LPR and its multiplier (一年期LPR的四倍: 4; LPR上浮50%: 1.5; LPR加300基点: 1, margin 0.03). */
  lpr?: { tenor: '1y' | '5y'; times: Decimal }
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

const rateRegexes: { re: RegExp; per: Per }[] = []
for (const [per, words] of PERIOD_WORDS) {
  rateRegexes.push({ re: new RegExp(`(?:${words})${CONNECT}(?:${FRACTION}|${SYMBOL})`, 'g'), per })
}
// 月息2分, 月息1.5分, 月息一分五厘, 年息2厘, 日息三厘: 分 and/or 厘 (groups 2 = 分, 3 = 厘 after 分, 4 = 厘 alone).
const TRADITIONAL = new RegExp(`(月息|年息|日息)\\s*(?:(${NUM}|${CN})\\s*分\\s*(?:(${NUM}|${CN})\\s*厘)?|(${NUM}|${CN})\\s*厘)(?![钟期])`, 'g')
const POSTFIX = new RegExp(String.raw`(?:${FRACTION}|${SYMBOL})\s*(?:/|每|每个?)\s*(年|月|日|天)`, 'g')
const UPLIFT = new RegExp(
  String.raw`(?:在)?(?:原|借款|约定|合同|正常|借期内|本合同|上述|该)?(?:约定的?)?(?:借款)?(?:利率|利息)(?:标准)?(?:的)?(?:基础上)?(?:上浮|加收|提高|增加|上调)(${NUM}|${CN})\s*(%|成)`,
  'g',
)
const LEN = String.raw`(?:(一年期|1年期|五年期以上|5年期以上|五年期|5年期)\s*)?`
const LPR_WORD = String.raw`(?:贷款市场报价利率\s*(?:[（(]\s*LPR\s*[)）])?|LPR)(?:利率|报价)?`
/** Groups: 1 tenor; 2 multiple (的四倍); 3 basis points; 4/5 uplift % or 成; 6/7 margin in % or percentage points. */
const LPR_RATE = new RegExp(
  String.raw`${LEN}${LPR_WORD}(?:\s*(?:的|之)?\s*(${NUM}|${CN})\s*倍|\s*(?:加|\+|上浮|加上|另加)\s*(${NUM}|${CN})\s*个?(?:基点|BPS|BP|bps|bp)|\s*(?:上浮|上调|提高)\s*(${NUM}|${CN})\s*(%|成)|\s*(?:加|\+|加上|另加)\s*(${NUM}|${CN})\s*(%|个百分点))?`,
  'g',
)
/** A written ceiling (利率不超过一年期LPR的四倍) states the law, not the rate: not a rate of the contract. */
const CEILING_BEFORE = /(?:不超过|不得超过|不高于|不应超过|超过|最高不超过|上限为?|保护上限)\s*(?:合同成立时|签订时|起诉时)?\s*$/
const CEILING_AFTER = /^\s*(?:为限|为上限|以内|的部分|上限)/
/** A bare LPR (no multiple or margin) is a rate only where the text assigns it: 利率为/按/执行一年期LPR. */
const ASSIGNED_BEFORE = /(?:为|按|按照|执行|参照|以)\s*(?:合同成立时|签订时|放款时|当期)?(?:的)?\s*$/
const RANGE_TAIL = new RegExp(String.raw`^\s*(?:至|到|-|—|~|～|－)\s*(?:${FRACTION}|${SYMBOL})`)
/** 年利率18-24%: a range whose first figure has no unit of its own. Groups: 1 first number, 2 second, 3 unit. */
const BARE_RANGES = PERIOD_WORDS.map(([per, words]) => ({ per, re: new RegExp(`(?:${words})${CONNECT}(${NUM})\\s*(?:至|到|-|—|~|～|－)\\s*(${NUM})\\s*(%|‰|‱)`, 'gd') }))

function lprMatches(text: string): RateMatch[] {
  const out: RateMatch[] = []
  for (const m of text.matchAll(LPR_RATE)) {
    const start = m.index, end = m.index + m[0].length
    const before = text.slice(Math.max(0, start - 14), start)
    if (CEILING_BEFORE.test(before) || CEILING_AFTER.test(text.slice(end, end + 6))) continue
    const tenor = m[1] && /五|5/.test(m[1]) ? '5y' : '1y'
    let times = new Decimal(1), margin = new Decimal(0)
    const n = (g: string | undefined) => (g === undefined ? null : parseNumber(g))
    if (m[2] !== undefined) times = n(m[2]) ?? times
    else if (m[3] !== undefined) margin = (n(m[3]) ?? margin).dividedBy(10_000)
    else if (m[4] !== undefined) times = (n(m[4]) ?? new Decimal(0)).dividedBy(m[5] === '成' ? 10 : 100).plus(1)
    else if (m[6] !== undefined) margin = (n(m[6]) ?? margin).dividedBy(100)
    else if (!ASSIGNED_BEFORE.test(before)) continue
    out.push({ start, end, per: 'lpr', written: margin, lpr: { tenor, times } })
  }
  return out
}

/** Both ends of a written range (年利率18%至24%, 年利率18-24%), each as a rate of the same period. */
function rangeMatches(text: string, found: RateMatch[]): RateMatch[] {
  const out: RateMatch[] = []
  for (const r of found) {
    if (r.per === 'uplift' || r.per === 'lpr') continue
    const m = RANGE_TAIL.exec(text.slice(r.end, r.end + 24))
    if (!m) continue
    const written = m[1] ? parsePercent(m[1], m[2], true) : parsePercent(m[3], m[4], false)
    const lead = /^\s*(?:至|到|-|—|~|～|－)\s*/.exec(m[0])![0].length
    if (written) out.push({ start: r.end + lead, end: r.end + m[0].length, per: r.per, written })
  }
  for (const { per, re } of BARE_RANGES) {
    for (const m of text.matchAll(re)) {
      const [, first] = m.indices![1], [second] = m.indices![2]
      const a = parsePercent(m[1], m[3], false), b = parsePercent(m[2], m[3], false)
      if (a && b) out.push({ start: m.index, end: first, per, written: a }, { start: second, end: m.index + m[0].length, per, written: b })
    }
  }
  return out
}

const TIMES = new RegExp(String.raw`(?:原|借款|约定|合同|正常|借期内)?(?:利率|利息)(?:标准)?的\s*(${NUM}|${CN})\s*倍`, 'g')

/** Every rate expression in `text`, in order, without overlaps (the longer of two overlapping matches wins). */
export function findRates(text: string): RateMatch[] {
  const found: RateMatch[] = []
  for (const { re, per } of rateRegexes) {
    for (const m of text.matchAll(re)) {
      const written = m[1] ? parsePercent(m[1], m[2], true) : parsePercent(m[3], m[4], false)
      if (written) found.push({ start: m.index, end: m.index + m[0].length, per, written })
    }
  }
  for (const m of text.matchAll(TRADITIONAL)) {
    const fen = m[2] !== undefined ? parseNumber(m[2])?.plus(m[3] !== undefined ? (parseNumber(m[3]) ?? new Decimal(0)).dividedBy(10) : 0) : parseNumber(m[4])?.dividedBy(10)
    if (!fen) continue
    // One 分 is 10 % of a year, 1 % of a month, 0.1 % of a day.
    const per: Per = m[1] === '年息' ? 'year' : m[1] === '月息' ? 'month' : 'day'
    found.push({ start: m.index, end: m.index + m[0].length, per, written: fen.dividedBy(per === 'year' ? 10 : per === 'month' ? 100 : 1000) })
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
  found.push(...lprMatches(text))
  found.push(...rangeMatches(text, found))
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: RateMatch[] = []
  for (const r of found) {
    const last = kept[kept.length - 1]
    if (!last || r.start >= last.end) kept.push(r)
    else if (r.end - r.start > last.end - last.start) kept[kept.length - 1] = r
  }
  return kept
}

/**
 * The annual fraction of a rate; an uplift needs the base (term) rate and stays null without one; an LPR-based rate
 * stays null until lpr-rates.ts resolves it on the contract date.
 */
export function annualise(per: RateMatch['per'], written: Decimal, dayBasis: 360 | 365, base: string | null = null): string | null {
  if (per === 'year') return written.toFixed()
  if (per === 'month') return written.times(12).toFixed()
  if (per === 'day') return written.times(dayBasis).toFixed()
  if (per === 'lpr') return null
  return base === null ? null : new Decimal(base).times(written.plus(1)).toFixed()
}

/** Build the RateValue kept on a term. */
export function toRateValue(r: RateMatch, dayBasis: 360 | 365, base: string | null = null): RateValue {
  const v: RateValue = { annual: annualise(r.per, r.written, dayBasis, base), per: r.per, written: r.written.toFixed() }
  if (r.lpr) v.lpr = { tenor: r.lpr.tenor, times: r.lpr.times.toFixed() }
  return v
}

/** A rate in words for messages: "24%", "+50%" (an unresolved uplift), "一年期LPR×4+0.5%" (an unresolved LPR rate). */
export function rateLabel(v: RateValue): string {
  const pct = (x: Decimal.Value) => `${new Decimal(x).times(100).toDecimalPlaces(4).toFixed()}%`
  if (v.annual !== null) return pct(v.annual)
  if (v.per === 'lpr' && v.lpr) {
    const times = v.lpr.times === '1' ? '' : `×${v.lpr.times}`
    return `${v.lpr.tenor === '5y' ? '五年期以上' : '一年期'}LPR${times}${new Decimal(v.written).isZero() ? '' : `+${pct(v.written)}`}`
  }
  return `+${pct(v.written)}`
}

/**
 * Whether two rates say the same thing. A daily rate and an annual one agree if they match on either day basis
 * (日利率0.05% with 年化18.25% is one rate written twice, not a conflict).
 */
export function sameRate(a: RateValue, b: RateValue): boolean {
  if (a.annual === null || b.annual === null) return a.annual === b.annual && a.per === b.per && a.written === b.written && a.lpr?.times === b.lpr?.times && a.lpr?.tenor === b.lpr?.tenor
  const eq = (x: Decimal, y: Decimal) => x.minus(y).abs().lessThanOrEqualTo('0.00005')
  if (eq(new Decimal(a.annual), new Decimal(b.annual))) return true
  const alt = (r: RateValue) => (r.per === 'day' ? [new Decimal(r.written).times(360), new Decimal(r.written).times(365)] : [new Decimal(r.annual!)])
  return alt(a).some((x) => alt(b).some((y) => eq(x, y)))
}
