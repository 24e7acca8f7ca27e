import Decimal from 'decimal.js'
import { addDays, addMonths, daysBetween } from '../../../shared/domain/date'
import type { CashFlow, ExtractedTerms, FeeValue, RepaymentMethod } from './types'

/**
 * The scheduled cash flows of the loan as written: the disbursed amount out at period 0, then every repayment
 * (principal + interest + fees) in. Interest per month = annual rate ÷ 12 on the outstanding principal; payments are
 * rounded half-up to the fen and the last one clears the balance.
 */

export interface Schedule {
  flows: CashFlow[]
  /** Periods per year for annualising the periodic IRR (12 for monthly; 12/n or days-basis/days for one repayment). */
  periodsPerYear: Decimal
  method: RepaymentMethod
  /** Fees taken out of the principal at disbursement (fen). */
  deductedFen: number
}

export interface ScheduleInput {
  principalFen: number
  /** Amount actually paid out, when known from the user or the contract. */
  disbursedFen: number | null
  annualRate: string
  months: number | null
  days: number | null
  method: RepaymentMethod | null
  instalments: number | null
  fees: FeeValue[]
  startDate: string | null
  dayBasis: 360 | 365
}

const half = (d: Decimal) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()

/** Fee amount per charge in fen. */
function feeFen(f: FeeValue, principalFen: number): number {
  return f.amountFen ?? half(new Decimal(f.fractionOfPrincipal ?? '0').times(principalFen))
}

/** Same fee written twice (definition and schedule) must be charged once. */
function distinctFees(fees: FeeValue[]): FeeValue[] {
  const seen = new Set<string>()
  return fees.filter((f) => {
    const key = JSON.stringify([f.name, f.amountFen, f.fractionOfPrincipal, f.per, f.deductedAtDisbursement])
    if (f.overdue || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Gather the inputs from the terms (first value of each; conflicts are reported separately). */
export function scheduleInput(terms: ExtractedTerms, disbursedFen: number | null, startDate: string | null): ScheduleInput | null {
  const principalFen = terms.contractAmountFen[0]?.value
  if (principalFen === undefined || principalFen <= 0) return null
  const start = terms.startDate[0]?.value ?? startDate
  const due = terms.dueDate[0]?.value ?? null
  let months = terms.termMonths[0]?.value ?? terms.instalments[0]?.value ?? null
  let days: number | null = null
  if (months === null && start && due) {
    for (let m = 1; m <= 600 && months === null; m++) if (addMonths(start, m) === due) months = m
    if (months === null && due > start) days = daysBetween(start, due)
  }
  return {
    principalFen,
    disbursedFen,
    annualRate: terms.interestRate[0]?.value.annual ?? '0',
    months,
    days,
    method: terms.repaymentMethod[0]?.value ?? null,
    instalments: terms.instalments[0]?.value ?? null,
    fees: terms.fees.map((f) => f.value),
    startDate: start,
    dayBasis: terms.dayBasis[0]?.value ?? 360,
  }
}

/** Build the cash-flow table; null when the term of the loan is unknown. */
export function buildSchedule(input: ScheduleInput): Schedule | null {
  const { principalFen: P, months, days } = input
  if (months === null && days === null) return null
  const fees = distinctFees(input.fees)
  const deductedFen = fees.filter((f) => f.per === 'once' && f.deductedAtDisbursement).reduce((s, f) => s + feeFen(f, P), 0)
  const disbursed = input.disbursedFen ?? P - deductedFen
  const method: RepaymentMethod = input.method ?? ((input.instalments ?? 1) > 1 ? 'equal-instalment' : 'bullet')
  const flows: CashFlow[] = [
    { period: 0, date: input.startDate, kind: 'disbursement', principalFen: -disbursed, interestFen: 0, feeFen: 0, amountFen: -disbursed },
  ]
  const onceFees = fees.filter((f) => f.per === 'once' && !f.deductedAtDisbursement).reduce((s, f) => s + feeFen(f, P), 0)
  // Recurring fees expressed per month (a yearly or daily figure is spread over the month).
  const monthlyFee = (f: FeeValue) =>
    f.per === 'month' ? new Decimal(feeFen(f, P)) : f.per === 'year' ? new Decimal(feeFen(f, P)).dividedBy(12) : new Decimal(feeFen(f, P)).times(input.dayBasis).dividedBy(12)
  const recurring = fees.filter((f) => f.per !== 'once').reduce((s, f) => s.plus(monthlyFee(f)), new Decimal(0))
  const push = (period: number, principal: number, interest: number, fee: number) => {
    const date = input.startDate ? (months !== null ? addMonths(input.startDate, period * (method === 'bullet' ? months : 1)) : null) : null
    flows.push({ period, date, kind: 'payment', principalFen: principal, interestFen: interest, feeFen: fee, amountFen: principal + interest + fee })
  }

  const annual = new Decimal(input.annualRate)
  if (method === 'bullet' || months === null) {
    const interest = months !== null ? half(annual.times(P).times(months).dividedBy(12)) : half(annual.times(P).times(days!).dividedBy(input.dayBasis))
    const feeTotal = onceFees + half(recurring.times(months ?? new Decimal(days!).times(12).dividedBy(input.dayBasis)))
    push(1, P, interest, feeTotal)
    if (months === null && input.startDate) flows[1].date = addDays(input.startDate, days!)
    const perYear = months !== null ? new Decimal(12).dividedBy(months) : new Decimal(input.dayBasis).dividedBy(days!)
    return { flows, periodsPerYear: perYear, method: 'bullet', deductedFen }
  }

  const n = months
  const i = annual.dividedBy(12)
  let remaining = P
  const level =
    method === 'equal-instalment'
      ? i.isZero()
        ? new Decimal(P).dividedBy(n)
        : new Decimal(P).times(i).times(i.plus(1).pow(n)).dividedBy(i.plus(1).pow(n).minus(1))
      : null
  const payment = level ? half(level) : 0
  let feeCarry = new Decimal(0)
  for (let k = 1; k <= n; k++) {
    const interest = half(i.times(remaining))
    let principal: number
    if (k === n) principal = remaining
    else if (method === 'equal-instalment') principal = payment - interest
    else if (method === 'equal-principal') principal = Math.floor(P / n)
    else principal = 0
    // Spread fractional fen of a recurring fee so the total over the loan is exact.
    feeCarry = feeCarry.plus(recurring)
    const fee = half(feeCarry)
    feeCarry = feeCarry.minus(fee)
    push(k, principal, interest, fee + (k === 1 ? onceFees : 0))
    remaining -= principal
  }
  return { flows, periodsPerYear: new Decimal(12), method, deductedFen }
}

