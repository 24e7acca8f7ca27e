import type { ClaimCalculation } from '../../../shared/domain/calc'
import { daysPastDue } from '../cases/figures'
import { REPAYMENT_METHOD_LABELS, STAGE_LABELS, type RepaymentMethod, type Stage } from '../../../shared/domain/enums'
import { appendAudit, type Executor } from '../audit/log'
import { notFound, UserError } from '../errors'
import { validateIdNumber } from '../law/id-number'
import { fenToYuan } from '../money/fen'
import { mergeClaims, repaidFromAllocations } from './case-claim'
import type { DocumentContext } from './context'
import { readFirmSettings } from './firm-settings'
import { formatRatePct } from './format'

/**
 * The document context of a case, built from the store: lender, borrower (UNMASKED — a complaint needs the
 * real ID number), guarantors, loans, the claim from the calculator as of a date, the firm and lawyer from
 * settings, evidence and the repayment plan. Anything the store does not know stays undefined, so the
 * template prints a visible blank and reports the field as missing.
 *
 * Reused by every area that fills templates (documents, evidence lists, filing packs, repayment plans).
 * Whoever builds a context for output must record the use of personal data: see `recordPersonalDataUse`.
 */
export interface CaseContextOptions {
  /** The claim is computed as of this date. */
  asOf: string
  /** The document's date (落款日期); today when absent. */
  generatedOn: string
}

/** The calculator for a stored loan (services.calc.claimForLoan). */
export type ClaimForLoan = (loanId: string, asOf: string) => Promise<ClaimCalculation>

export interface CaseContext {
  context: DocumentContext
  caseNo: string
  borrowerId: string
  /** Why the claim could not be computed for a loan (the document then shows blanks for the amounts). */
  claimProblems: { contractNo: string; code: string; message: string; messageEn: string }[]
}

const SEX_ZH = { male: '男', female: '女' } as const

export async function buildCaseContext(ex: Executor, claimForLoan: ClaimForLoan, caseId: string, opts: CaseContextOptions): Promise<CaseContext> {
  const c = await ex.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst()
  if (!c) throw notFound('案件', 'Case', caseId)
  const [lender, borrower, phones, addresses, loans, firm] = await Promise.all([
    ex.selectFrom('lenders').selectAll().where('id', '=', c.lender_id).executeTakeFirstOrThrow(),
    ex.selectFrom('borrowers').selectAll().where('id', '=', c.borrower_id).executeTakeFirstOrThrow(),
    ex.selectFrom('borrower_phones').select('phone').where('borrower_id', '=', c.borrower_id).orderBy('seq').execute(),
    ex.selectFrom('borrower_addresses').select(['kind', 'address']).where('borrower_id', '=', c.borrower_id).orderBy('seq').execute(),
    ex.selectFrom('case_loans as cl').innerJoin('loans as l', 'l.id', 'cl.loan_id').selectAll('l').where('cl.case_id', '=', caseId).orderBy('l.contract_date').orderBy('l.id').execute(),
    readFirmSettings(ex),
  ])
  const address = (...kinds: string[]) => kinds.map((k) => addresses.find((a) => a.kind === k)?.address).find(Boolean)

  const claimProblems: CaseContext['claimProblems'] = []
  const calcs = new Map<string, ClaimCalculation>()
  for (const l of loans) {
    try {
      calcs.set(l.id, await claimForLoan(l.id, opts.asOf))
    } catch (e) {
      if (!(e instanceof UserError)) throw e
      claimProblems.push({ contractNo: l.contract_no, code: e.code, message: e.message, messageEn: e.messageEn })
    }
  }

  const loanIds = loans.map((l) => l.id)
  const [guarantors, lastPayments, lastDue, channels, evidence, plan] = await Promise.all([
    loanIds.length ? ex.selectFrom('loan_guarantors').selectAll().where('loan_id', 'in', loanIds).orderBy('loan_id').orderBy('id').execute() : [],
    loanIds.length ? ex.selectFrom('repayments').select(['loan_id', (eb) => eb.fn.max('date').as('last')]).where('loan_id', 'in', loanIds).groupBy('loan_id').execute() : [],
    loanIds.length ? ex.selectFrom('schedule_items').select(['loan_id', (eb) => eb.fn.max('due_date').as('last')]).where('loan_id', 'in', loanIds).groupBy('loan_id').execute() : [],
    loanIds.length ? ex.selectFrom('disbursements').select(['loan_id', 'channel']).where('loan_id', 'in', loanIds).where('channel', 'is not', null).execute() : [],
    ex.selectFrom('evidence_items').select(['no', 'name', 'source', 'purpose', 'pages', 'original']).where('case_id', '=', caseId).where('removed_at', 'is', null).where('parent_id', 'is', null).orderBy('no').execute(),
    ex.selectFrom('repayment_plans').selectAll().where('case_id', '=', caseId).where('status', '!=', 'broken').orderBy('created_at', 'desc').limit(1).executeTakeFirst(),
  ])
  const instalments = plan ? await ex.selectFrom('plan_instalments').selectAll().where('plan_id', '=', plan.id).orderBy('seq').execute() : []
  const by = <T extends { loan_id: string }>(rows: T[], loanId: string) => rows.find((r) => r.loan_id === loanId)
  const today = opts.generatedOn
  const dpd = c.overdue_since ? daysPastDue(c.overdue_since, opts.asOf) : undefined

  const context: DocumentContext = {
    generatedOn: opts.generatedOn,
    refNo: `${c.case_no}-${opts.generatedOn.replaceAll('-', '')}`,
    lender: {
      name: lender.name, creditCode: lender.credit_code ?? undefined, address: lender.address ?? undefined,
      legalRep: lender.legal_rep ?? undefined, phone: lender.phone ?? undefined, licensed: lender.regime === 'licensed',
    },
    borrower: {
      name: borrower.name, idNumber: borrower.id_number ?? undefined,
      sex: borrower.sex ? SEX_ZH[borrower.sex] : undefined, birthDate: borrower.birth_date ?? undefined,
      employer: borrower.employer ?? undefined, phone: phones[0]?.phone,
      hukouAddress: address('hukou'), residenceAddress: address('residence', 'mailing', 'work'),
    },
    guarantors: guarantors.map((g) => {
      const id = g.id_number ? validateIdNumber(g.id_number, today) : null
      return {
        name: g.name, idNumber: g.id_number ?? undefined, phone: g.phone ?? undefined, hukouAddress: g.address ?? undefined,
        sex: id?.valid && id.sex ? SEX_ZH[id.sex] : undefined, birthDate: id?.valid ? (id.birthDate ?? undefined) : undefined,
      }
    }),
    loans: loans.map((l) => {
      const calc = calcs.get(l.id)
      const repaid = calc ? repaidFromAllocations(calc) : undefined
      const method = REPAYMENT_METHOD_LABELS[l.repayment_method as RepaymentMethod]?.zh
      return {
        contractNo: l.contract_no, contractDate: l.contract_date,
        contractAmount: fenToYuan(l.contract_amount_fen), disbursedAmount: fenToYuan(l.disbursed_amount_fen),
        disbursementDate: l.disbursement_date, disbursementMethod: by(channels, l.id)?.channel ?? undefined,
        termStart: l.disbursement_date, dueDate: l.maturity_date ?? by(lastDue, l.id)?.last ?? undefined,
        rates: {
          interestAnnual: l.rate_term ?? undefined, overdueAnnual: l.rate_overdue ?? undefined,
          penalty: l.penalty_rate ? `年利率${formatRatePct(l.penalty_rate)}` : l.penalty_flat_fen !== null ? `${fenToYuan(l.penalty_flat_fen)}元` : undefined,
        },
        repaymentMethod: method && l.term_months ? `${method}，共${l.term_months}期` : method,
        repaidPrincipal: repaid?.principal, repaidInterest: repaid?.interest,
        lastPaymentDate: by(lastPayments, l.id)?.last ?? undefined,
        overdueSince: c.overdue_since ?? undefined, daysOverdue: dpd,
        jurisdictionClause: l.jurisdiction_clause ?? undefined, arbitrationClause: l.arbitration_clause ?? undefined,
      }
    }),
    case: { caseNo: c.case_no, stage: STAGE_LABELS[c.stage as Stage]?.zh, court: c.court ?? undefined },
    claim: calcs.size === loans.length && loans.length > 0 ? mergeClaims(opts.asOf, [...calcs.values()]) : undefined,
    lawyer: { name: firm.lawyerName, firm: firm.firm, licenceNo: firm.licenceNo, phone: firm.phone, firmAddress: firm.firmAddress },
    evidence: evidence.map((e) => ({ no: e.no, name: e.name, source: e.source ?? undefined, purpose: e.purpose ?? undefined, pages: e.pages === null ? undefined : String(e.pages), original: e.original ? '原件' : '复印件' })),
    plan: plan
      ? { total: fenToYuan(plan.total_fen), waived: fenToYuan(plan.reduction_fen), instalments: instalments.map((i) => ({ no: i.seq, dueDate: i.due_date, amount: fenToYuan(i.amount_fen) })) }
      : undefined,
    service: { recipient: firm.lawyerName, address: firm.firmAddress, phone: firm.phone, email: firm.email, electronic: firm.email ? true : undefined },
  }
  return { context: stripUndefined(context), caseNo: c.case_no, borrowerId: c.borrower_id, claimProblems }
}

/**
 * Records that a borrower's unmasked personal data (ID number, phone, addresses) went into an output
 * (个人信息保护法): call it in the transaction that registers the output.
 */
export async function recordPersonalDataUse(ex: Executor, input: { actor: string; at: string; borrowerId: string; purpose: string; ref?: string }): Promise<void> {
  await appendAudit(ex, { actor: input.actor, at: input.at, entity: 'borrower', entityId: input.borrowerId, action: 'reveal', diff: { field: 'idNumber,phones,addresses', purpose: input.purpose, ref: input.ref } })
}

/**
 * Drops undefined members, so the stored snapshot (JSON) and the context used to render are the same
 * object: regeneration from the snapshot then gives the same bytes.
 */
function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
