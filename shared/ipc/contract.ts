import { z } from 'zod'
import type { Borrower, Revealed } from '../domain/borrower'
import { borrowerInput, borrowerUpdate, revealInput } from '../domain/borrower'
import type { CaseDetail, CaseList } from '../domain/case'
import { caseInput, caseListFilter, caseUpdate } from '../domain/case'
import { id } from '../domain/fields'
import type { Lender } from '../domain/lender'
import { lenderInput, lenderUpdate } from '../domain/lender'
import type { Loan } from '../domain/loan'
import { addRepaymentInput, loanInput, loanUpdate } from '../domain/loan'
import type { ClaimCalculation } from '../domain/calc'
import { claimRequest } from '../domain/calc'
import type { CourtFeeResult } from '../domain/claim'
import { courtFeeInputSchema } from '../domain/claim'
import type { LprImportReport } from '../domain/calc'
import type { AuditReport, DbCheckReport, IdNumberReport, CreditCodeReport, SystemInfo } from '../domain/system'

/**
 * The one contract between the UI (through the Electron preload or the web bridge) and the core.
 * Each channel names its input schema — the only place runtime validation of outside input happens —
 * and its output type. Adding a channel here and a handler in electron/core/handlers.ts is all it takes
 * for it to exist in the app, the web bridge and the CLI.
 */
interface Channel<I extends z.ZodType, O> {
  input: I
  /** Type-only marker for the output; never read at run time. */
  output?: O
  /** What the channel does, for whoever reads the contract. */
  doc: string
}
const channel = <I extends z.ZodType, O>(input: I, doc: string): Channel<I, O> => ({ input, doc })

const byId = z.strictObject({ id })
const none = z.strictObject({}).optional()
const lprImport = z.strictObject({ table: z.unknown() })

export const contract = {
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

  'calc.claim': channel<typeof claimRequest, ClaimCalculation>(claimRequest, 'What is legally claimable on a date, with its reasons: for a stored loan ({loanId, asOf, filingDate?}) or an explicit calculator input ({input}).'),
  'calc.courtFee': channel<typeof courtFeeInputSchema, CourtFeeResult>(courtFeeInputSchema, '诉讼费 for a money claim: full, half, payment order, preservation.'),
  'settings.importLprTable': channel<typeof lprImport, LprImportReport>(lprImport, 'Import a newer LPR table (validated); it is used from then on when it runs later than the shipped one.'),

  'validate.idNumber': channel<z.ZodObject<{ value: z.ZodString }>, IdNumberReport>(z.strictObject({ value: z.string().max(64) }), 'Check a 居民身份证号码.'),
  'validate.creditCode': channel<z.ZodObject<{ value: z.ZodString }>, CreditCodeReport>(z.strictObject({ value: z.string().max(64) }), 'Check a 统一社会信用代码.'),

  'audit.verify': channel<typeof none, AuditReport>(none, 'Walk the audit hash chain and name the first broken entry.'),
  'db.check': channel<typeof none, DbCheckReport>(none, 'integrity_check, foreign_key_check and migration state.'),
} as const

export type Contract = typeof contract
export type ChannelName = keyof Contract
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>
export type OutputOf<C extends ChannelName> = NonNullable<Contract[C]['output']>

/** The typed API both the preload's window.api and the web bridge client implement. */
export type Api = {
  invoke<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<import('./result').Result<OutputOf<C>>>
}

export const CHANNELS = Object.keys(contract) as ChannelName[]
