import { expect, it } from 'vitest'
import { call, makeCore } from '../helpers/core'

it('creates a lender, borrower, loan and case and lists it', async () => {
  const core = await makeCore()
  const lender = await call(core, 'lenders.create', { name: '杭州某某小额贷款有限公司', creditCode: '91330100799655058B', regime: 'licensed' })
  const b = await call(core, 'borrowers.create', { name: '王小梅', idNumber: '11010519491231002X', phones: [{ phone: '138 0013 8000' }] })
  const loan = await call(core, 'loans.create', {
    lenderId: lender.id, borrowerId: b.id, contractNo: 'HT-1', contractDate: '2025-01-01', contractAmountFen: 1_000_000, disbursedAmountFen: 900_000,
    disbursementDate: '2025-01-01', repaymentMethod: 'equal_principal', rateTerm: '0.12',
    schedule: [{ dueDate: '2025-02-01', principalFen: 500_000 }, { dueDate: '2025-03-01', principalFen: 500_000 }],
  })
  const c = await call(core, 'cases.create', { borrowerId: b.id, lenderId: lender.id, loanIds: [loan.id] })
  expect(c.principalOutstandingFen).toBe(900_000)
  expect(c.overdueSince).toBe('2025-02-01')
  const list = await call(core, 'cases.list', { search: '小梅' })
  expect(list.total).toBe(1)
  expect(list.rows[0]).toMatchObject({ borrowerName: '王小梅', idNumberMasked: '110105********002X', phoneMasked: '138****8000' })
  await core.close()
})
