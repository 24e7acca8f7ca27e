import { toDayNumber } from '../../../../shared/domain/date'
import type { ClaimInput, ClaimWarning } from '../../../../shared/domain/claim'
import { UserError } from '../../errors'
import { formatRatePercent, percentToScaledRate, RATE_SCALE } from '../../money/rate'
import { lpr1yOn, type LprQuote, type LprTable } from '../lpr'

/**
 * The legal cap on interest + fees by regime and date (issue 3 convention 5; LEGAL-RULES.md §A.1, §A.4, §B),
 * and the overdue-rate fallbacks of 民间借贷规定第28条 (convention 6). Rates are scaled integers (money/rate.ts).
 */

/** 法释〔2020〕6号 took effect on this day: 4×LPR replaced the 24 % line. */
export const LPR_RULES_FROM = '2020-08-20'
export const LPR_RULES_FROM_DAY = toDayNumber(LPR_RULES_FROM)
/** 24 % a year: the 2015 claim cap, and the 法发〔2017〕22号 line for licensed lenders. */
export const RATE_24 = 0.24 * RATE_SCALE
/** 6 % a year: 2015 规定第29条, overdue interest when neither rate was agreed. */
export const RATE_6 = 0.06 * RATE_SCALE

export interface CapPeriod {
  /** First day (day number) the cap applies; -Infinity for the period a loan starts in. */
  fromDay: number
  rate: number
  basis: string
  basisEn: string
}

export interface CapPlan {
  /** One period, or two when a pre-2020-08-20 private contract runs past 2020-08-19; in date order. */
  periods: CapPeriod[]
  /**
   * Days before this one follow the 2015 rules (6 % fallback); Infinity means never, -Infinity means always modern.
   * Only a private contract made before 2020-08-20 has a finite value here.
   */
  oldRulesUntilDay: number
  basis: string
  basisEn: string
}

/** Collects LPR look-ups so a stale table becomes a warning instead of a silent guess. */
export class LprLookup {
  readonly warnings: ClaimWarning[] = []
  constructor(readonly table: LprTable) {}

  addWarning(w: ClaimWarning): void {
    if (!this.warnings.some((x) => x.code === w.code)) this.warnings.push(w)
  }

  /** The one-year LPR in force on `date`, scaled; throws (via lpr1yOn) before the table's first row. */
  on(date: string): { rate: number; quote: LprQuote } {
    const quote = lpr1yOn(this.table, date)
    if (quote.stale) {
      const last = quote.stale.lastEffective
      this.addWarning({
        code: 'LPR_TABLE_STALE',
        message: `${date} 晚于 LPR 表最后一行（${last}）一个月以上，已按 ${last} 的报价 ${quote.percent}% 计算，请导入最新 LPR 表`,
        messageEn: `${date} is more than a month past the LPR table's last row (${last}); used its quote ${quote.percent}% — import a newer LPR table`,
      })
    }
    return { rate: percentToScaledRate(quote.percent), quote }
  }
}

const planCache = new WeakMap<LprTable, Map<string, { plan: CapPlan; warnings: ClaimWarning[] }>>()

/**
 * Which cap applies on which days, with its legal basis in words. Memoised per LPR table on the inputs that
 * decide it (regime, contract date, filing date, whether asOf passes 2020-08-19): a batch of loans shares a
 * handful of plans, and building the Chinese basis text is the costly part.
 */
export function planCap(input: ClaimInput, lpr: LprLookup): CapPlan {
  const key = `${input.regime}|${input.contractDate}|${input.filingDate ?? ''}|${input.asOf > LPR_RULES_FROM ? 1 : 0}`
  let byKey = planCache.get(lpr.table)
  if (!byKey) planCache.set(lpr.table, (byKey = new Map()))
  const hit = byKey.get(key)
  if (hit) {
    for (const w of hit.warnings) lpr.addWarning(w)
    return hit.plan
  }
  const before = lpr.warnings.length
  const plan = buildCapPlan(input, lpr)
  byKey.set(key, { plan, warnings: lpr.warnings.slice(before) })
  return plan
}

function buildCapPlan(input: ClaimInput, lpr: LprLookup): CapPlan {
  // The first period has no start of its own: it covers the loan from disbursement (so the plan can be shared).
  const startDay = Number.NEGATIVE_INFINITY
  if (input.regime === 'licensed') {
    const basis = '金融借款：利息、复利、罚息、违约金和其他费用总计不超过年利率24%（《最高人民法院关于进一步加强金融审判工作的若干意见》法发〔2017〕22号第2条）'
    const basisEn = 'Licensed lender: interest, penalty interest, penalties and fees together at most 24% a year (SPC Opinions on financial adjudication, Fa Fa [2017] No. 22, art. 2)'
    return { periods: [{ fromDay: startDay, rate: RATE_24, basis, basisEn }], oldRulesUntilDay: -Infinity, basis, basisEn }
  }
  if (input.contractDate >= LPR_RULES_FROM) {
    const { rate: l, quote } = lpr.on(input.contractDate)
    const rate = 4 * l
    const basis = `合同成立日（${input.contractDate}）适用的一年期贷款市场报价利率 ${quote.percent}%（${quote.effective} 公布）的四倍，即年利率 ${formatRatePercent(rate)}%（《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第25条、第28条、第29条）`
    const basisEn = `Four times the one-year LPR of ${quote.percent}% (published ${quote.effective}) in force on the contract date ${input.contractDate}: ${formatRatePercent(rate)}% a year (SPC Provisions on private lending, arts. 25, 28, 29)`
    return { periods: [{ fromDay: startDay, rate, basis, basisEn }], oldRulesUntilDay: -Infinity, basis, basisEn }
  }
  const oldBasis = '合同成立于2020年8月20日前：2020年8月19日前的利息按当时司法解释，年利率不超过24%（法释〔2015〕18号第26条、第29条、第30条；现行规定第31条）'
  const oldBasisEn = 'Contract made before 2020-08-20: interest up to 2020-08-19 under the 2015 rules, at most 24% a year (Fa Shi [2015] No. 18, arts. 26, 29, 30; current Provisions art. 31)'
  const filedUnderOldRules = input.filingDate !== undefined && input.filingDate < LPR_RULES_FROM
  if (input.asOf <= LPR_RULES_FROM || filedUnderOldRules) {
    return { periods: [{ fromDay: startDay, rate: RATE_24, basis: oldBasis, basisEn: oldBasisEn }], oldRulesUntilDay: Infinity, basis: oldBasis, basisEn: oldBasisEn }
  }
  if (input.filingDate === undefined) {
    throw new UserError(
      'CLAIM_FILING_DATE_REQUIRED',
      `起诉日（filingDate）必填：合同成立于2020年8月20日前，2020年8月20日起的利息按起诉时一年期LPR的四倍计算（民间借贷规定第31条）`,
      'filingDate is required: the contract predates 2020-08-20, so interest from that day is capped at 4 × the one-year LPR on the filing date (Provisions on private lending, art. 31)',
      { field: 'filingDate' },
    )
  }
  const { rate: l, quote } = lpr.on(input.filingDate)
  const rate = 4 * l
  const newBasis = `2020年8月20日起的利息按起诉日（${input.filingDate}）一年期贷款市场报价利率 ${quote.percent}% 的四倍，即年利率 ${formatRatePercent(rate)}%（民间借贷规定第31条、第25条）`
  const newBasisEn = `From 2020-08-20: four times the one-year LPR of ${quote.percent}% on the filing date ${input.filingDate}, i.e. ${formatRatePercent(rate)}% a year (Provisions on private lending, arts. 31, 25)`
  const periods: CapPeriod[] = [
    { fromDay: startDay, rate: RATE_24, basis: oldBasis, basisEn: oldBasisEn },
    { fromDay: LPR_RULES_FROM_DAY, rate, basis: newBasis, basisEn: newBasisEn },
  ]
  return {
    periods,
    oldRulesUntilDay: LPR_RULES_FROM_DAY,
    basis: periods.map((p) => p.basis).join('；'),
    basisEn: periods.map((p) => p.basisEn).join('; '),
  }
}

/** How an instalment's overdue interest rate was found (第28条). */
export type OverdueRateSource = 'agreed' | 'term' | 'lpr'

export interface OverdueRateRule {
  source: OverdueRateSource
  /** The rate for days under the current rules (scaled). */
  rate: number
  /** For `lpr`: the LPR quote used, for the explanation. */
  lprPercent?: string
  lprEffective?: string
}

/**
 * The overdue interest rate of one instalment whose first overdue day is `dueDate` (convention 6):
 * the agreed overdue rate; else the term rate (第28条第2款(二)); else the one-year LPR in force on the first
 * overdue day (第28条第2款(一)). Days before `oldRulesUntilDay` of the neither-rate case use 6 % instead
 * (2015 规定第29条), so the LPR is then taken on the first day the new rules apply.
 */
export function overdueRateRule(dueDate: string, plan: CapPlan, lpr: LprLookup, rateOverdue: number | null, rateTerm: number | null): OverdueRateRule {
  if (rateOverdue !== null) return { source: 'agreed', rate: rateOverdue }
  if (rateTerm !== null) return { source: 'term', rate: rateTerm }
  if (plan.oldRulesUntilDay === Infinity) return { source: 'lpr', rate: RATE_6 }
  const from = plan.oldRulesUntilDay > toDayNumber(dueDate) ? LPR_RULES_FROM : dueDate
  const { rate, quote } = lpr.on(from)
  return { source: 'lpr', rate, lprPercent: quote.percent, lprEffective: quote.effective }
}
