import Decimal from 'decimal.js'
import { bad, parsed, type Parsed } from './parsed'
import type { RateKind } from './types'
import { chineseNumeralToDecimal, stripSpaces } from './text'
import { toHalfWidth } from '../../../shared/domain/half-width'

/** A converted rate: the annual decimal fraction ("0.18"), the period it was quoted in, and the text it came from. */
export interface NormalizedRate {
  annual: string
  kind: RateKind
  original: string
}

export interface RateOptions {
  /** The period to assume when the text does not say (from the column header or the mapping). */
  defaultKind: RateKind
  /**
   * Days per year for daily rates. Financial institutions quote 日利率 = 年利率 ÷ 360; courts
   * often use 365 for private loans (LEGAL-RULES.md §I), so the caller decides per lender.
   */
  dayBasis: 360 | 365
  /** The column header says "(%)": a bare number is a percentage even when it is at most 1 ("0.5" = 0.5 %). */
  barePercent?: boolean
}

/** An annual rate above 1000 % is a misread cell (e.g. "0.05" meant as 0.05 % per day), never a real contract. */
const MAX_ANNUAL = new Decimal(10)

const KIND_PREFIXES: Array<[RegExp, RateKind]> = [
  [/^(?:年化利率|年化|年利率|年息|年率|年)/, 'annual'],
  [/^(?:月利率|月息|月率|月)/, 'monthly'],
  [/^(?:日利率|日息|日率|日)/, 'daily'],
]
const KIND_SUFFIXES: Array<[RegExp, RateKind]> = [
  [/(?:\/年|每年|\/a|p\.a\.)$/i, 'annual'],
  [/(?:\/月|每月)$/, 'monthly'],
  [/(?:\/天|\/日|每天|每日)$/, 'daily'],
]

const invalid = (text: string) =>
  bad('IMPORT_RATE_INVALID', `无法识别的利率“${text}”`, `Unrecognised rate "${text}"`)

/**
 * A rate as lenders write it → the annual rate as a decimal fraction string.
 * Percent or fraction (`24%`, `0.24`, `24` in a 年利率 column), per mille (`1.5‰`), the period
 * from the text (`年化24%`, `月利率1.5%`, `0.05%/天`) or else from `defaultKind`, Chinese forms
 * (`月息1.5分` = 1.5 %/month, `月息5厘` = 0.5 %/month, `年息1分` = 10 %/year, `日息万分之五`).
 * A bare number above 1 is read as a percent, at most 1 as a fraction. 分/厘 on a daily rate is
 * refused as ambiguous. Monthly × 12; daily × `dayBasis`.
 */
export function normalizeRate(raw: string, opts: RateOptions): Parsed<NormalizedRate> {
  const original = raw.trim()
  let s = stripSpaces(toHalfWidth(raw))
  if (s === '') return bad('IMPORT_RATE_EMPTY', '利率为空', 'Rate is empty')
  let kind: RateKind | null = null
  for (const [re, k] of KIND_PREFIXES) if (re.test(s)) { kind = k; s = s.replace(re, ''); break }
  for (const [re, k] of KIND_SUFFIXES) {
    if (re.test(s)) {
      if (kind !== null && kind !== k) return invalid(original)
      kind = k
      s = s.replace(re, '')
      break
    }
  }
  s = s.replace(/^(?:为|:)/, '')
  kind ??= opts.defaultKind
  const perPeriod = perPeriodFraction(s, kind, original, opts.barePercent ?? false)
  if (!perPeriod.ok) return perPeriod
  const fraction = perPeriod.value
  const annual = kind === 'annual' ? fraction : fraction.times(kind === 'monthly' ? 12 : opts.dayBasis)
  if (annual.gt(MAX_ANNUAL)) {
    return bad('IMPORT_RATE_IMPLAUSIBLE', `利率“${original}”折合年利率超过 1000%，请用 % 标明单位（如 0.05%）`,
      `Rate "${original}" is over 1000 % a year; write the unit explicitly (e.g. 0.05%)`)
  }
  return parsed({ annual: annual.toFixed(), kind, original })
}

/** The number part → a fraction per quoted period (Decimal), honouring %, ‰, 万分之, 分 and 厘. */
function perPeriodFraction(s: string, kind: RateKind, original: string, barePercent: boolean): Parsed<Decimal> {
  const num = (t: string) => {
    const d = chineseNumeralToDecimal(t)
    return d === null ? null : new Decimal(d)
  }
  const spelled = /^(万|千|百)分之(.+)$/.exec(s)
  if (spelled) {
    const n = num(spelled[2])
    if (n === null) return invalid(original)
    return parsed(n.div(spelled[1] === '万' ? 10_000 : spelled[1] === '千' ? 1_000 : 100))
  }
  // Colloquial "一分五" / "1分5厘" = 1.5 分.
  const fenLi = /^([^分]+)分([^分厘])厘?$/.exec(s)
  if (fenLi) {
    const whole = chineseNumeralToDecimal(fenLi[1])
    const tenth = chineseNumeralToDecimal(fenLi[2])
    if (whole === null || tenth === null || !/^\d+$/.test(whole)) return invalid(original)
    s = `${whole}.${tenth}分`
  }
  const unit = /^(.+?)(%|‰|‱|分|厘)$/.exec(s)
  if (unit) {
    const n = num(unit[1])
    if (n === null) return invalid(original)
    switch (unit[2]) {
      case '%': return parsed(n.div(100))
      case '‰': return parsed(n.div(1_000))
      case '‱': return parsed(n.div(10_000))
      default: {
        // 民间 usage: 月息1分 = 1 %/month, 1厘 = 0.1 %/month; 年息1分 = 10 %/year, 1厘 = 1 %/year.
        if (kind === 'daily') {
          return bad('IMPORT_RATE_AMBIGUOUS', `日利率“${original}”以分/厘表示含义不明确，请写成“万分之五”或“0.05%”`,
            `Daily rate "${original}" in 分/厘 is ambiguous; write it as 万分之五 or 0.05%`)
        }
        const percentPerFen = kind === 'annual' ? 10 : 1
        return parsed(n.times(unit[2] === '分' ? percentPerFen : percentPerFen / 10).div(100))
      }
    }
  }
  if (/^\d+(\.\d+)?$|^\.\d+$/.test(s)) {
    const n = new Decimal(s)
    return parsed(barePercent || n.gt(1) ? n.div(100) : n)
  }
  return invalid(original)
}
