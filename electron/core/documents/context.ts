import { z } from 'zod'

/**
 * `DocumentContext`: everything a template can see. It is also the snapshot stored with every generated
 * document, so regenerating from it gives the same bytes. Nearly every field is optional: a case with
 * missing data still produces a document, with a visible blank where the value belongs.
 *
 * Amounts are yuan strings with two decimals ("12345.67"), rates are decimal strings ("0.154" = 15.4 %/年),
 * dates are `YYYY-MM-DD`.
 */
const text = z.string().optional()
const yuan = z.string().regex(/^-?\d+(\.\d{1,2})?$/, 'yuan amount like 12345.67').optional()
const rate = z.string().regex(/^\d+(\.\d+)?$/, 'decimal rate like 0.154').optional()
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').optional()

export const partySchema = z.object({
  name: text,
  idNumber: text,
  sex: text,
  birthDate: date,
  ethnicity: text,
  employer: text,
  phone: text,
  hukouAddress: text,
  residenceAddress: text,
})

export const lenderSchema = z.object({
  name: text,
  creditCode: text,
  address: text,
  legalRep: text,
  legalRepTitle: text,
  phone: text,
  /** A licensed lender (bank, consumer-finance company, micro-lender): the complaint is 金融借款合同纠纷. */
  licensed: z.boolean().optional(),
})

export const guarantorSchema = partySchema.extend({ guaranteeType: text })

export const loanSchema = z.object({
  contractNo: text,
  contractName: text,
  contractDate: date,
  signingPlace: text,
  contractAmount: yuan,
  disbursedAmount: yuan,
  disbursementDate: date,
  disbursementMethod: text,
  termStart: date,
  dueDate: date,
  rates: z.object({ interestAnnual: rate, overdueAnnual: rate, penalty: text, compound: text }).optional(),
  repaymentMethod: text,
  repaidPrincipal: yuan,
  repaidInterest: yuan,
  lastPaymentDate: date,
  overdueSince: date,
  daysOverdue: z.number().int().optional(),
  jurisdictionClause: text,
  arbitrationClause: text,
})

export const claimLineSchema = z.object({
  from: date,
  to: date,
  days: z.number().int().optional(),
  base: yuan,
  rate: rate,
  amount: yuan,
  kind: text,
  basis: text,
})

export const claimSchema = z.object({
  asOf: date,
  principalOutstanding: yuan,
  termInterest: yuan,
  termFees: yuan,
  overdueInterest: yuan,
  penaltyAndOverdueFees: yuan,
  expenses: yuan,
  /** The supportable total: the most any document may demand. */
  total: yuan,
  cap: z.object({ annualRate: rate, basis: text }).optional(),
  lines: z.array(claimLineSchema).optional(),
})

export const caseSchema = z.object({ caseNo: text, stage: text, court: text, preservationAmount: yuan, preservationProperty: text, preservationSecurity: text })

export const lawyerSchema = z.object({ name: text, firm: text, licenceNo: text, phone: text, firmAddress: text })

export const evidenceSchema = z.object({
  no: z.number().int().optional(),
  name: text,
  source: text,
  purpose: text,
  pages: text,
  original: text,
})

export const instalmentSchema = z.object({ no: z.number().int().optional(), dueDate: date, amount: yuan })

export const planSchema = z.object({
  total: yuan,
  waived: yuan,
  instalments: z.array(instalmentSchema).optional(),
})

export const payeeSchema = z.object({ accountName: text, bank: text, accountNo: text })

export const serviceSchema = z.object({ recipient: text, address: text, phone: text, email: text, electronic: z.boolean().optional() })

export const documentContextSchema = z.object({
  lender: lenderSchema.optional(),
  borrower: partySchema.optional(),
  guarantors: z.array(guarantorSchema).optional(),
  loans: z.array(loanSchema).optional(),
  case: caseSchema.optional(),
  claim: claimSchema.optional(),
  lawyer: lawyerSchema.optional(),
  evidence: z.array(evidenceSchema).optional(),
  plan: planSchema.optional(),
  payee: payeeSchema.optional(),
  service: serviceSchema.optional(),
  /** The document's date (落款日期) and the PDF/DOCX creation date: fixed, so output is reproducible. */
  generatedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** A reference printed on letters (函号). */
  refNo: text,
})

export type DocumentContext = z.infer<typeof documentContextSchema>
export type ClaimLine = z.infer<typeof claimLineSchema>
