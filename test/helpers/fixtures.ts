import { idCheckChar } from '../../electron/core/law/id-number'

type Call = <T = any>(channel: string, input?: unknown) => Promise<T>

/**
 * 李秀英's case, used by several tests because its figures are worked by hand (test/ipc/channels.test.ts):
 * a licensed lender, 12,000 on the contract, 10,800 disbursed on 2025-03-01, 18 % term and 24 % overdue,
 * three monthly instalments of 4,000 from 2025-04-01.
 */
export async function createLiXiuyingCase(call: Call) {
  const lender = await call('lenders.create', { name: '杭州信达小额贷款有限公司', creditCode: '91330100799655058B', regime: 'licensed' })
  const body = '33010619880312002'
  const borrower = await call('borrowers.create', { name: '李秀英', idNumber: body + idCheckChar(body), phones: [{ phone: '13800138000' }] })
  const loan = await call('loans.create', {
    lenderId: lender.id, borrowerId: borrower.id, contractNo: 'XD-2025-001', contractDate: '2025-03-01', contractAmountFen: 1_200_000, disbursedAmountFen: 1_080_000,
    disbursementDate: '2025-03-01', repaymentMethod: 'equal_principal', rateTerm: '0.18', rateOverdue: '0.24',
    schedule: [1, 2, 3].map((m) => ({ dueDate: `2025-0${3 + m}-01`, principalFen: 400_000 })),
  })
  const kase = await call('cases.create', { borrowerId: borrower.id, lenderId: lender.id, loanIds: [loan.id] })
  return { lenderId: lender.id as string, borrowerId: borrower.id as string, loanId: loan.id as string, caseId: kase.id as string }
}
