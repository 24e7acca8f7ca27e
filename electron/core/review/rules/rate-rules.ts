import Decimal from 'decimal.js'
import { finding, pct, type Rule, type RuleContext } from './context'

/**
 * Rate rules: the term rate against the cap (RATE_ABOVE_CAP), overdue interest + penalty + overdue fees against the
 * cap (OVERDUE_CHARGES_ABOVE_CAP, 民间借贷规定第29条 / 法发〔2017〕22号第2条), the fallback when no overdue rate is
 * agreed (NO_OVERDUE_RATE, 第28条第2款) and compound interest (COMPOUND_INTEREST, 第27条).
 */

const PRIVATE_OVERDUE_BASIS = '《民间借贷规定》（2020年第二次修正）第28条、第29条'
const LICENSED_BASIS = '法发〔2017〕22号第2条（利息、复利、罚息、违约金和其他费用总计超过年利率24%的部分予以调减）'

export const rateAboveCap: Rule = (ctx) => {
  if (!ctx.cap) return []
  const cap = new Decimal(ctx.cap.annual)
  return ctx.terms.interestRate
    .filter((t) => t.value.annual !== null && new Decimal(t.value.annual).greaterThan(cap))
    .map((t) =>
      finding(ctx, 'RATE_ABOVE_CAP', 'critical', t, {
        basis: ctx.cap!.basis,
        message: `约定利率${pct(t.value.annual!)}高于上限${pct(cap)}（${ctx.cap!.label}），超过部分不予支持。`,
        messageEn: `The agreed rate ${pct(t.value.annual!)} is above the cap of ${pct(cap)} (${ctx.cap!.label}); the excess is not enforceable.`,
        effect: `term interest at most ${pct(cap)} a year, not ${pct(t.value.annual!)}`,
      }),
    )
}

/** Annual fraction of overdue fees written as a rate (逾期管理费每日0.1% …); amounts cannot be annualised. */
function overdueFeeRate(ctx: RuleContext): Decimal {
  let sum = new Decimal(0)
  for (const f of ctx.terms.fees) {
    if (!f.value.overdue || !f.value.fractionOfPrincipal) continue
    const x = new Decimal(f.value.fractionOfPrincipal)
    sum = sum.plus(f.value.per === 'day' ? x.times(ctx.dayBasis) : f.value.per === 'month' ? x.times(12) : f.value.per === 'year' ? x : 0)
  }
  return sum
}

/**
 * Lump-sum penalties (违约金500元, 违约金为借款金额的20%) as an annual fraction of the principal. A one-off sum has no
 * period of its own, so the rule spreads it over ONE YEAR of default: amount ÷ principal (the amount actually paid
 * out when known, else the contract amount) × 1 year. That is the lowest figure the penalty can have for any default
 * of up to a year — a shorter default makes it heavier — so a finding raised on it holds for every shorter default.
 */
function lumpPenaltyRate(ctx: RuleContext): { rate: Decimal; terms: RuleContext['terms']['penalty'] } {
  const base = ctx.disbursedFen ?? ctx.principalFen
  const lumps = ctx.terms.penalty.filter((p) => !p.value.rate && (p.value.fractionOfPrincipal !== undefined || (p.value.amountFen !== undefined && base)))
  const rate = lumps.reduce(
    (s, p) => s.plus(p.value.fractionOfPrincipal !== undefined ? new Decimal(p.value.fractionOfPrincipal) : new Decimal(p.value.amountFen!).dividedBy(base!)),
    new Decimal(0),
  )
  return { rate, terms: lumps }
}

export const overdueChargesAboveCap: Rule = (ctx) => {
  if (!ctx.cap) return []
  const cap = new Decimal(ctx.cap.annual)
  const overdue = ctx.terms.overdueRate.find((t) => t.value.annual !== null)
  const penaltyRates = ctx.terms.penalty.filter((p) => p.value.rate?.annual)
  const feeRate = overdueFeeRate(ctx)
  const lump = lumpPenaltyRate(ctx)
  if (!overdue && penaltyRates.length === 0 && feeRate.isZero() && lump.rate.isZero()) return []
  // Without an agreed overdue rate, overdue interest runs at the term rate (第28条第2款第二项).
  const interest = overdue ? new Decimal(overdue.value.annual!) : new Decimal(ctx.terms.interestRate[0]?.value.annual ?? 0)
  const penalty = penaltyRates.reduce((s, p) => s.plus(p.value.rate!.annual!), new Decimal(0))
  const total = interest.plus(penalty).plus(feeRate).plus(lump.rate)
  if (!total.greaterThan(cap)) return []
  const anchor = overdue ?? penaltyRates[0] ?? lump.terms[0] ?? ctx.terms.fees.find((f) => f.value.overdue)!
  const lumpZh = lump.rate.isZero() ? '' : ` + 一次性违约金${pct(lump.rate)}（按逾期一年摊算：违约金÷本金；逾期不足一年的，折算年化更高）`
  const lumpEn = lump.rate.isZero() ? '' : `, lump-sum penalty ${pct(lump.rate)} (spread over one year of default: penalty ÷ principal; a shorter default makes it higher)`
  const parts = `逾期利息${pct(interest)}${penalty.isZero() ? '' : ` + 违约金${pct(penalty)}`}${feeRate.isZero() ? '' : ` + 费用${pct(feeRate)}`}${lumpZh}`
  return [
    finding(ctx, 'OVERDUE_CHARGES_ABOVE_CAP', 'critical', anchor, {
      basis: ctx.regime === 'private' ? PRIVATE_OVERDUE_BASIS : LICENSED_BASIS,
      message: `逾期期间${parts}，合计年化${pct(total)}，超过上限${pct(cap)}的部分不予支持。`,
      messageEn: `Overdue charges total ${pct(total)} a year (overdue interest ${pct(interest)}, penalty ${pct(penalty)}, fees ${pct(feeRate)}${lumpEn}); only up to ${pct(cap)} is enforceable.`,
      effect: `overdue interest, penalty and fees together at most ${pct(cap)} a year, not ${pct(total)}`,
    }),
  ]
}

export const noOverdueRate: Rule = (ctx) => {
  if (ctx.terms.overdueRate.length > 0) return []
  // Only for something that is recognisably a loan contract.
  if (ctx.terms.contractAmountFen.length === 0 && ctx.terms.interestRate.length === 0) return []
  const term = ctx.terms.interestRate[0]
  const basis = ctx.regime === 'private' ? '《民间借贷规定》（2020年第二次修正）第28条第2款' : '《民法典》第676条'
  const fallback = term
    ? {
        message: `合同未约定逾期利率：逾期后可按借期内利率${pct(term.value.annual ?? 0)}主张资金占用期间利息。`,
        messageEn: `No overdue rate is agreed: from the due date, interest runs at the term rate ${pct(term.value.annual ?? 0)}.`,
        effect: `overdue interest at the term rate ${pct(term.value.annual ?? 0)}`,
      }
    : {
        message: '合同既未约定借期内利率也未约定逾期利率：逾期后可参照当时一年期LPR计算逾期利息。',
        messageEn: 'Neither a term rate nor an overdue rate is agreed: overdue interest runs at the one-year LPR in force at the time.',
        effect: 'overdue interest at the one-year LPR from the first overdue day',
      }
  return [finding(ctx, 'NO_OVERDUE_RATE', 'info', null, { basis, ...fallback })]
}

export const compoundInterest: Rule = (ctx) =>
  ctx.terms.compoundInterest.slice(0, 1).map((t) =>
    finding(ctx, 'COMPOUND_INTEREST', 'warning', t, {
      basis: ctx.regime === 'private' ? '《民间借贷规定》（2020年第二次修正）第27条' : LICENSED_BASIS,
      message:
        ctx.regime === 'private'
          ? '约定计收复利：民间借贷中复利仅在重新出具债权凭证且不超过LPR四倍时予以支持，一般不予支持。'
          : '约定计收复利：复利与利息、罚息、违约金等合计超过年利率24%的部分可被调减。',
      messageEn:
        ctx.regime === 'private'
          ? 'Compound interest is agreed: in private lending it is supported only within art. 27 (re-issued IOU, ≤ 4 × LPR).'
          : 'Compound interest is agreed: together with interest, penalties and fees it is cut down to 24 % a year.',
      effect: 'compound interest is not claimed on top of the capped interest',
    }),
  )

export const rateRules: Rule[] = [rateAboveCap, overdueChargesAboveCap, noOverdueRate, compoundInterest]
