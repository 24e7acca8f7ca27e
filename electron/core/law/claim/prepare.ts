import type { ClaimInput, ClaimWarning } from '../../../../shared/domain/claim'
import { UserError } from '../../errors'
import { fenToYuan } from '../../money/fen'
import { RATE_SCALE } from '../../money/rate'
import type { LprTable } from '../lpr'
import { LprLookup, overdueRateRule, planCap, type CapPlan, type OverdueRateRule } from './caps'
import type { ScenarioSetup } from './run-state'
import { scaleInstalments } from './schedule'
import { assertConsistent, dayAt, fenAt, MAX_SPAN_DAYS, rateAt } from './validate'

/** Everything the two passes need, derived once from the input. */
export interface Prepared {
  input: ClaimInput
  dayBasis: 365 | 360
  plan: CapPlan
  lpr: LprLookup
  capped: ScenarioSetup
  uncapped: ScenarioSetup
  warnings: ClaimWarning[]
}

/**
 * Validate the input and turn it into day numbers, fen and scaled rates. Throws UserError for bad input
 * (formats, the cross-field rules, a disbursement above the contract amount, an all-zero schedule).
 */
export function prepare(input: ClaimInput, table: LprTable): Prepared {
  // Formats first (each converter throws a field error), so the cross-field checks can compare valid dates.
  const startDay = dayAt(input.disbursementDate, ['disbursementDate'])
  const endDay = dayAt(input.asOf, ['asOf'])
  dayAt(input.contractDate, ['contractDate'])
  if (input.filingDate !== undefined) dayAt(input.filingDate, ['filingDate'])
  const contractFen = fenAt(input.contractAmount, ['contractAmount'])
  const disbursedFen = fenAt(input.disbursedAmount, ['disbursedAmount'])
  const rateTerm = rateAt(input.rateTerm, ['rateTerm'])
  const feeRateTerm = rateAt(input.feeRateTerm, ['feeRateTerm'])
  const rateOverdue = rateAt(input.rateOverdue, ['rateOverdue'])
  const penaltyRate = rateAt(input.penaltyRate, ['penaltyRate'])
  const feeRateOverdue = rateAt(input.feeRateOverdue, ['feeRateOverdue'])
  const penaltyFlatFen = input.penaltyFlat === undefined ? 0 : fenAt(input.penaltyFlat, ['penaltyFlat'])
  const schedule = input.schedule.map((s, i) => ({ day: dayAt(s.dueDate, ['schedule', i, 'dueDate']), date: s.dueDate, fen: fenAt(s.principal, ['schedule', i, 'principal']) }))
  // Same-day payments are additive under the allocation, so order them by (day, amount): input order never matters.
  const payments = (input.payments ?? []).map((p, index) => ({ day: dayAt(p.date, ['payments', index, 'date']), fen: fenAt(p.amount, ['payments', index, 'amount']), index }))
  const expenses = (input.expenses ?? []).map((e, i) => ({ day: Math.max(startDay, dayAt(e.date, ['expenses', i, 'date'])), fen: fenAt(e.amount, ['expenses', i, 'amount']) }))
  assertConsistent(input)

  const warnings: ClaimWarning[] = []
  const dayBasis = input.dayBasis ?? (input.regime === 'private' ? 365 : 360)
  if (dayBasis !== 365 && dayBasis !== 360) {
    throw new UserError('CLAIM_DAY_BASIS', '计息天数基准（dayBasis）只能是 365 或 360', 'dayBasis must be 365 or 360', { field: 'dayBasis' })
  }
  if (endDay - startDay > MAX_SPAN_DAYS) {
    throw new UserError('CLAIM_SPAN_TOO_LONG', `放款日至计算截止日超过 ${MAX_SPAN_DAYS} 天，超出计算范围`, `More than ${MAX_SPAN_DAYS} days from disbursement to asOf`, { field: 'asOf' })
  }
  if (disbursedFen > contractFen) {
    throw new UserError(
      'CLAIM_DISBURSED_EXCEEDS_CONTRACT',
      `实际放款金额（disbursedAmount）${input.disbursedAmount} 元大于合同金额 ${input.contractAmount} 元`,
      `disbursedAmount ${input.disbursedAmount} exceeds contractAmount ${input.contractAmount}`,
      { field: 'disbursedAmount' },
    )
  }
  schedule.sort((x, y) => x.day - y.day)
  const rawPrincipals = schedule.map((s) => s.fen)
  let scheduleFen = 0
  for (const p of rawPrincipals) scheduleFen += p
  if (scheduleFen === 0) {
    throw new UserError('CLAIM_SCHEDULE_ZERO', '还款计划（schedule）本金合计为 0', 'schedule principal adds up to zero', { field: 'schedule' })
  }
  if (disbursedFen < contractFen) {
    warnings.push({
      code: 'CLAIM_PREDEDUCTED',
      message: `实际放款 ${input.disbursedAmount} 元少于合同金额 ${input.contractAmount} 元，按实际出借金额认定本金（民间借贷规定第26条、民法典第670条）`,
      messageEn: `Only ${input.disbursedAmount} yuan was disbursed against ${input.contractAmount} on the contract: the principal is the amount actually lent (Provisions art. 26; Civil Code art. 670)`,
    })
  }
  if (scheduleFen !== disbursedFen) {
    warnings.push({
      code: 'CLAIM_SCHEDULE_SCALED',
      message: `还款计划本金合计 ${fenToYuan(scheduleFen)} 元，已按比例调整为实际放款 ${input.disbursedAmount} 元`,
      messageEn: `The schedule adds up to ${fenToYuan(scheduleFen)} yuan; each instalment was scaled pro rata to the ${input.disbursedAmount} yuan disbursed`,
    })
  }

  const lpr = new LprLookup(table)
  const plan = planCap(input, lpr)

  // One shared overdue rule unless the LPR fallback gives each instalment the LPR of its own first overdue day.
  const overdueRules: OverdueRateRule[] = []
  const ruleOf: number[] = []
  for (const s of schedule) {
    const rule = overdueRateRule(s.date, plan, lpr, rateOverdue, rateTerm)
    let r = overdueRules.findIndex((x) => x.rate === rule.rate && x.source === rule.source && x.lprEffective === rule.lprEffective)
    if (r < 0) r = overdueRules.push(rule) - 1
    ruleOf.push(r)
  }
  payments.sort((x, y) => x.day - y.day || x.fen - y.fen || x.index - y.index)
  expenses.sort((x, y) => x.day - y.day || x.fen - y.fen)

  const setup = (principals: number[], capPeriods: CapPlan['periods'] | null, collectLines: boolean): ScenarioSetup => ({
    den: BigInt(RATE_SCALE * dayBasis),
    denNumber: RATE_SCALE * dayBasis,
    startDay,
    endDay,
    dueDays: schedule.map((s) => s.day),
    ruleOf,
    overdueRules,
    payments,
    expenses,
    rateTerm: rateTerm ?? 0,
    feeRateTerm: feeRateTerm ?? 0,
    penaltyRate: penaltyRate ?? 0,
    feeRateOverdue: feeRateOverdue ?? 0,
    penaltyFlatFen,
    oldRulesUntilDay: plan.oldRulesUntilDay,
    principals,
    capPeriods,
    collectLines,
  })
  const capped = setup(scaleInstalments(rawPrincipals, disbursedFen), plan.periods, true)
  const uncapped = setup(scaleInstalments(rawPrincipals, contractFen), null, false)
  return { input, dayBasis, plan, lpr, capped, uncapped, warnings }
}
