import { idCheckChar } from '../../electron/core/law/id-number'
import { call } from './core'
import type { Core } from '../../electron/core/services'

/** A stored case (lender, borrower, one loan) to hang exhibits on; `n` varies names and numbers. */
export async function makeEvidenceCase(core: Core, n = 1, opts: { signing?: 'electronic' | 'paper' } = {}): Promise<{ caseId: string; loanId: string; caseNo: string }> {
  const body = `3301061988031${String(200 + n).padStart(4, '0')}`.slice(0, 17)
  const lenders = await call<{ id: string; name: string }[]>(core, 'lenders.list')
  const lender: { id: string } = lenders.find((l) => l.name === '杭州信达小额贷款有限公司') ?? (await call(core, 'lenders.create', { name: '杭州信达小额贷款有限公司', creditCode: '91330100799655058B', regime: 'licensed' }))
  const borrower = await call(core, 'borrowers.create', { name: `李秀英${n}`, idNumber: body + idCheckChar(body), phones: [{ phone: '13800138000' }] })
  const loan = await call(core, 'loans.create', {
    lenderId: lender.id, borrowerId: borrower.id, contractNo: `XD-2025-${String(n).padStart(4, '0')}`, contractDate: '2025-03-01', contractAmountFen: 1_200_000, disbursedAmountFen: 1_200_000,
    disbursementDate: '2025-03-01', repaymentMethod: 'equal_principal', rateTerm: '0.18', rateOverdue: '0.24', ...(opts.signing && { signingMethod: opts.signing }),
    schedule: [1, 2, 3].map((m) => ({ dueDate: `2025-0${3 + m}-01`, principalFen: 400_000 })),
  })
  const kase = await call(core, 'cases.create', { borrowerId: borrower.id, lenderId: lender.id, loanIds: [loan.id], owner: '张律师' })
  return { caseId: kase.id, loanId: loan.id, caseNo: kase.caseNo }
}
