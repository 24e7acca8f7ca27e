import { UserError } from '../errors'

/** Field rules a loan must satisfy whatever door it came through. */
export function checkLoanFields(f: { contractAmountFen: number; disbursedAmountFen: number; contractDate: string; disbursementDate: string; maturityDate?: string | null }): void {
  if (f.disbursedAmountFen > f.contractAmountFen)
    throw new UserError('DISBURSED_ABOVE_CONTRACT', '实际放款金额不能大于合同金额', 'The amount disbursed cannot exceed the contract amount', { field: 'disbursedAmountFen' })
  if (f.maturityDate && f.maturityDate < f.disbursementDate)
    throw new UserError('MATURITY_BEFORE_DISBURSEMENT', '到期日不能早于放款日', 'The maturity date cannot be before the disbursement date', { field: 'maturityDate' })
}

/** Instalments fall due after the money was paid out, in date order. */
export function checkSchedule(schedule: { dueDate: string }[], disbursementDate: string): void {
  schedule.forEach((s, i) => {
    if (s.dueDate <= disbursementDate)
      throw new UserError('SCHEDULE_BEFORE_DISBURSEMENT', `第 ${i + 1} 期到期日不能早于或等于放款日`, `Instalment ${i + 1} falls due on or before the disbursement date`, { field: `schedule.${i}.dueDate` })
    if (i > 0 && s.dueDate <= schedule[i - 1].dueDate)
      throw new UserError('SCHEDULE_NOT_ORDERED', `第 ${i + 1} 期到期日须晚于上一期`, `Instalment ${i + 1} must fall due after the one before`, { field: `schedule.${i}.dueDate` })
  })
}
