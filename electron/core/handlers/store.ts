import type { storeChannels } from '../../../shared/ipc/channels/store'
import { validateCreditCode } from '../law/credit-code'
import { validateIdNumber } from '../law/id-number'
import type { HandlersFor } from './types'

export const storeHandlers: HandlersFor<keyof typeof storeChannels> = {
  'system.info': (s) => s.system.info(),

  'lenders.create': (s, i) => s.lenders.create(i),
  'lenders.update': (s, i) => s.lenders.update(i.id, i.patch),
  'lenders.get': (s, i) => s.lenders.get(i.id),
  'lenders.list': (s) => s.lenders.list(),

  'borrowers.create': (s, i) => s.borrowers.create(i),
  'borrowers.update': (s, i) => s.borrowers.update(i.id, i.patch),
  'borrowers.get': (s, i) => s.borrowers.get(i.id),
  'borrowers.reveal': (s, i) => s.borrowers.reveal(i.id, i.field),

  'loans.create': (s, i) => s.loans.create(i),
  'loans.update': (s, i) => s.loans.update(i.id, i.patch),
  'loans.get': (s, i) => s.loans.get(i.id),
  'loans.addRepayment': (s, i) => s.loans.addRepayment(i.loanId, i.repayment),
  'loans.listForCase': (s, i) => s.loans.listForCase(i.id),

  'cases.create': (s, i) => s.cases.create(i),
  'cases.update': (s, i) => s.cases.update(i.id, i.patch),
  'cases.get': (s, i) => s.cases.get(i.id),
  'cases.list': (s, i) => s.cases.list(i),


  'validate.idNumber': async (s, i) => validateIdNumber(i.value, s.ctx.today()),
  'validate.creditCode': async (_s, i) => validateCreditCode(i.value),

  'audit.verify': (s) => s.system.verifyAudit(),
  'db.check': (s) => s.system.check(),
}
