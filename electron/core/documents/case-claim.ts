import type { ClaimCalculation } from '../../../shared/domain/calc'
import type { ClaimLineKind } from '../../../shared/domain/claim'
import { fenToYuan, yuanToFen } from '../money/fen'
import type { DocumentContext } from './context'

/** How each calculator line is named in documents (the complaint's 计算方式). */
export const CLAIM_LINE_LABELS: Record<ClaimLineKind, string> = {
  termInterest: '借期内利息',
  termFee: '借期内费用',
  overdueInterest: '逾期利息（罚息）',
  penalty: '违约金',
  overdueFee: '逾期费用',
  penaltyFlat: '约定违约金',
  expense: '实现债权的费用',
}

const COMPONENTS = ['principalOutstanding', 'termInterest', 'termFees', 'overdueInterest', 'penaltyAndOverdueFees', 'expenses', 'total'] as const

/**
 * One claim for the document from the calculator's result for each of the case's loans: components added
 * in fen (never floats), lines one after another, the caps named once each. The total is the supportable
 * amount — the most any document may demand.
 */
export function mergeClaims(asOf: string, calcs: ClaimCalculation[]): NonNullable<DocumentContext['claim']> {
  const sums = Object.fromEntries(COMPONENTS.map((k) => [k, 0])) as Record<(typeof COMPONENTS)[number], number>
  for (const { result } of calcs) for (const k of COMPONENTS) sums[k] += yuanToFen(result[k])
  const caps = [...new Set(calcs.map((c) => c.result.cap.basis))]
  const rates = [...new Set(calcs.map((c) => c.result.cap.annualRate))]
  return {
    asOf,
    ...(Object.fromEntries(COMPONENTS.map((k) => [k, fenToYuan(sums[k])])) as Record<(typeof COMPONENTS)[number], string>),
    cap: calcs.length ? { annualRate: rates.length === 1 ? rates[0] : undefined, basis: caps.join('；') } : undefined,
    lines: calcs.flatMap(({ result }) =>
      result.lines.map((l) => ({ from: l.from, to: l.to, days: l.days, base: l.base, rate: l.rate ?? undefined, amount: l.amount, kind: CLAIM_LINE_LABELS[l.kind], basis: l.basis })),
    ),
  }
}

/** What the borrower repaid on one loan, as the calculator allocated it (民法典第561条 order). */
export function repaidFromAllocations(calc: ClaimCalculation): { principal: string; interest: string } {
  let principal = 0
  let interest = 0
  for (const a of calc.result.allocations) {
    principal += yuanToFen(a.principal)
    interest += yuanToFen(a.termInterest) + yuanToFen(a.overdueInterest)
  }
  return { principal: fenToYuan(principal), interest: fenToYuan(interest) }
}
