import Decimal from 'decimal.js'
import { formatYuan } from '../numbers'
import { finding, pct, type Rule } from './context'

/**
 * Cost rules: money taken out of the principal (PREDEDUCTED_INTEREST, 民法典第670条), fees that lift the all-in cost
 * above the cap (DISGUISED_INTEREST_FEES) and an all-in cost above 36 % (COST_ABOVE_36, the criminal-risk line).
 */

export const predeductedInterest: Rule = (ctx) => {
  const { terms, principalFen, disbursedFen } = ctx
  const deductedFee = terms.fees.find((f) => f.value.deductedAtDisbursement && !f.value.overdue && f.value.per === 'once')
  const interestTaken = terms.interestDeducted[0]
  const shortPaid = principalFen !== null && disbursedFen !== null && disbursedFen < principalFen
  if (!deductedFee && !interestTaken && !shortPaid) return []
  const anchor = deductedFee ?? interestTaken ?? terms.disbursedAmountFen[0] ?? terms.contractAmountFen[0] ?? null
  const basis =
    ctx.regime === 'private'
      ? '《民法典》第670条；《民间借贷规定》（2020年第二次修正）第26条'
      : '《民法典》第670条；法发〔2017〕22号第2条（依法否定预扣本金或者利息）'
  const effect =
    shortPaid && principalFen !== null && disbursedFen !== null
      ? `principal is ${formatYuan(disbursedFen)}, not ${formatYuan(principalFen)}`
      : 'principal is the amount actually paid out, not the amount on the contract'
  const amounts = shortPaid ? `合同金额${formatYuan(principalFen!)}元，实际出借${formatYuan(disbursedFen!)}元；` : ''
  return [
    finding(ctx, 'PREDEDUCTED_INTEREST', 'critical', anchor, {
      basis,
      message: `${amounts}利息或费用在放款时从本金中预先扣除，应按实际出借金额认定本金并计算利息。`,
      messageEn: `${shortPaid ? `Contract amount ${formatYuan(principalFen!)}, paid out ${formatYuan(disbursedFen!)}; ` : ''}interest or fees were taken out of the principal at disbursement: the principal is the amount actually paid out.`,
      effect,
    }),
  ]
}

export const disguisedInterestFees: Rule = (ctx) => {
  if (!ctx.cap || ctx.allInCost === null) return []
  const fee = ctx.terms.fees.find((f) => !f.value.overdue && ((f.value.amountFen ?? 0) > 0 || new Decimal(f.value.fractionOfPrincipal ?? 0).gt(0)))
  if (!fee || !new Decimal(ctx.allInCost).greaterThan(ctx.cap.annual)) return []
  return [
    finding(ctx, 'DISGUISED_INTEREST_FEES', 'critical', fee, {
      basis: `${ctx.cap.basis}；《全国法院民商事审判工作会议纪要》第51条（变相利息）`,
      message: `${fee.value.name}等费用实为变相利息：计入费用后综合年化成本${pct(ctx.allInCost)}，超过上限${pct(ctx.cap.annual)}，超过部分不予支持。`,
      messageEn: `Fees such as the ${fee.value.name} are disguised interest: with them the all-in annual cost is ${pct(ctx.allInCost)}, above the cap of ${pct(ctx.cap.annual)}.`,
      effect: `interest and fees together at most ${pct(ctx.cap.annual)} a year; all-in cost as written ${pct(ctx.allInCost)}`,
    }),
  ]
}

export const costAbove36: Rule = (ctx) => {
  const rate = ctx.terms.interestRate.find((t) => t.value.annual !== null)
  const cost = ctx.allInCost ?? rate?.value.annual ?? null
  if (cost === null || !new Decimal(cost).greaterThan('0.36')) return []
  const anchor = ctx.terms.fees.find((f) => !f.value.overdue) ?? rate ?? null
  return [
    finding(ctx, 'COST_ABOVE_36', 'critical', anchor, {
      basis: '《民间借贷规定》（法释〔2015〕18号）第26条第2款（超过36%部分无效）；《关于办理非法放贷刑事案件若干问题的意见》（实际年利率超过36%）',
      message: `综合年化成本${pct(cost)}超过36%：超过部分无效，且可能涉及非法放贷。`,
      messageEn: `The all-in annual cost of ${pct(cost)} is above 36 %: the excess is void and the lending may be illegal.`,
      effect: `all-in cost ${pct(cost)}; nothing above the cap is claimable`,
    }),
  ]
}

export const costRules: Rule[] = [predeductedInterest, disguisedInterestFees, costAbove36]
