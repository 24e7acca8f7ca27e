import { z } from 'zod'
import type { Borrower, Revealed } from '../../domain/borrower'
import { borrowerInput, borrowerUpdate, revealInput } from '../../domain/borrower'
import type { CaseDetail, CaseList } from '../../domain/case'
import { caseInput, caseListFilter, caseUpdate } from '../../domain/case'
import type { Lender } from '../../domain/lender'
import { lenderInput, lenderUpdate } from '../../domain/lender'
import type { Loan } from '../../domain/loan'
import { addRepaymentInput, loanInput, loanUpdate } from '../../domain/loan'
import type { AuditReport, CreditCodeReport, DbCheckReport, IdNumberReport, SystemInfo } from '../../domain/system'
import { byId, channel, none } from '../channel'

const valueInput = z.strictObject({ value: z.string().max(64) })

/** The case store: lenders, borrowers, loans, cases, validators, audit and store health. */
export const storeChannels = {
  'system.info': channel<typeof none, SystemInfo>(none, 'Version, data directory and counts, for the About box and the status bar.'),

  'lenders.create': channel<typeof lenderInput, Lender>(lenderInput, 'Create a lender; its 统一社会信用代码, when given, must pass GB 32100.'),
  'lenders.update': channel<typeof lenderUpdate, Lender>(lenderUpdate, 'Change some fields of a lender.'),
  'lenders.get': channel<typeof byId, Lender>(byId, 'One lender.'),
  'lenders.list': channel<typeof none, Lender[]>(none, 'All lenders by name.'),

  'borrowers.create': channel<typeof borrowerInput, Borrower>(borrowerInput, 'Create a borrower; the ID number must pass GB 11643. Returns it masked.'),
  'borrowers.update': channel<typeof borrowerUpdate, Borrower>(borrowerUpdate, 'Change a borrower; phones/addresses, when given, replace the old lists.'),
  'borrowers.get': channel<typeof byId, Borrower>(byId, 'One borrower, ID number and phones masked.'),
  'borrowers.reveal': channel<typeof revealInput, Revealed>(revealInput, 'The unmasked ID number or phones. Each reveal is written to the audit log.'),

  'loans.create': channel<typeof loanInput, Loan>(loanInput, 'Create a loan contract with its schedule and guarantors.'),
  'loans.update': channel<typeof loanUpdate, Loan>(loanUpdate, 'Change contract fields of a loan.'),
  'loans.get': channel<typeof byId, Loan>(byId, 'A loan with its schedule, repayments and guarantors.'),
  'loans.addRepayment': channel<typeof addRepaymentInput, Loan>(addRepaymentInput, 'Record a repayment; the case figures follow.'),
  'loans.listForCase': channel<typeof byId, Loan[]>(byId, 'The loans of a case (id = case id).'),

  'cases.create': channel<typeof caseInput, CaseDetail>(caseInput, 'Open a case for a borrower over one or more of their loans.'),
  'cases.update': channel<typeof caseUpdate, CaseDetail>(caseUpdate, 'Change owner or priority.'),
  'cases.get': channel<typeof byId, CaseDetail>(byId, 'A case with its figures and timeline.'),
  'cases.list': channel<typeof caseListFilter, CaseList>(caseListFilter, 'Filter (stage, owner, days-past-due bucket, amount range, search), sort and page the cases.'),


  'validate.idNumber': channel<typeof valueInput, IdNumberReport>(valueInput, 'Check a 居民身份证号码.'),
  'validate.creditCode': channel<typeof valueInput, CreditCodeReport>(valueInput, 'Check a 统一社会信用代码.'),

  'audit.verify': channel<typeof none, AuditReport>(none, 'Walk the audit hash chain and name the first broken entry.'),
  'db.check': channel<typeof none, DbCheckReport>(none, 'integrity_check, foreign_key_check and migration state.'),
} as const
