import type { ClaimComponents, ClaimLineKind } from '../../../../shared/domain/claim'

type Bi = { zh: string; en: string }

export const COMPONENT_LABELS: Record<keyof ClaimComponents, Bi> = {
  principalOutstanding: { zh: '本金', en: 'Principal' },
  termInterest: { zh: '借期内利息', en: 'Interest (term)' },
  termFees: { zh: '借期内费用', en: 'Fees (term)' },
  overdueInterest: { zh: '逾期利息', en: 'Overdue interest' },
  penaltyAndOverdueFees: { zh: '违约金及逾期费用', en: 'Penalty and overdue fees' },
  expenses: { zh: '实现债权费用', en: 'Enforcement costs' },
  total: { zh: '合计', en: 'Total' },
}

export const LINE_KIND_LABELS: Record<ClaimLineKind, Bi> = {
  termInterest: { zh: '借期内利息', en: 'Term interest' },
  termFee: { zh: '借期内费用', en: 'Term fee' },
  overdueInterest: { zh: '逾期利息', en: 'Overdue interest' },
  penalty: { zh: '违约金（按利率）', en: 'Penalty (rate)' },
  overdueFee: { zh: '逾期费用', en: 'Overdue fee' },
  penaltyFlat: { zh: '固定违约金', en: 'Flat penalty' },
  expense: { zh: '实现债权费用', en: 'Enforcement cost' },
}
