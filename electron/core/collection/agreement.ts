import type { GeneratedFile } from '../../../shared/domain/collection'
import { appendAudit } from '../audit/log'
import type { calcService } from '../calc/service'
import type { CoreContext } from '../context'
import type { DocumentContext } from '../documents/context'
import { generateFromContext } from '../documents/case-documents'
import { notFound } from '../errors'
import { fenToYuan } from '../money/fen'
import { chinaDate } from './limitation-inputs'
import { caseClaim } from './plans'

/**
 * The 还款协议 for a repayment plan, from the documents engine's built-in template: the parties, the debt as
 * the calculator supports it on the day the plan was made, the reduction and every instalment. It is registered
 * like any generated document (template id + version, inputs snapshot, on the case's timeline and documents
 * list, regenerable byte for byte); printing the borrower's full ID number is logged as a personal-data use.
 */
export async function planAgreement(ctx: CoreContext, calc: ReturnType<typeof calcService>, planId: string, format: 'pdf' | 'docx'): Promise<GeneratedFile> {
  const ex = ctx.db.kysely
  const plan = await ex.selectFrom('repayment_plans').selectAll().where('id', '=', planId).executeTakeFirst()
  if (!plan) throw notFound('还款计划', 'Repayment plan', planId)
  const kase = await ex.selectFrom('cases').selectAll().where('id', '=', plan.case_id).executeTakeFirstOrThrow()
  const lender = await ex.selectFrom('lenders').selectAll().where('id', '=', kase.lender_id).executeTakeFirstOrThrow()
  const borrower = await ex.selectFrom('borrowers').selectAll().where('id', '=', kase.borrower_id).executeTakeFirstOrThrow()
  const phone = await ex.selectFrom('borrower_phones').select('phone').where('borrower_id', '=', borrower.id).orderBy('is_primary', 'desc').orderBy('seq').executeTakeFirst()
  const addresses = await ex.selectFrom('borrower_addresses').selectAll().where('borrower_id', '=', borrower.id).orderBy('seq').execute()
  const loans = await ex.selectFrom('case_loans as cl').innerJoin('loans as l', 'l.id', 'cl.loan_id').selectAll('l').where('cl.case_id', '=', kase.id).orderBy('l.contract_date').execute()
  const instalments = await ex.selectFrom('plan_instalments').selectAll().where('plan_id', '=', planId).orderBy('seq').execute()
  const asOf = chinaDate(plan.created_at)
  const claim = await caseClaim(ex, calc, kase.id, asOf)
  const same = claim.supportableFen === plan.supportable_fen
  const y = (fen: number) => fenToYuan(fen)
  const context: DocumentContext = {
    lender: { name: lender.name, creditCode: lender.credit_code ?? undefined, address: lender.address ?? undefined, legalRep: lender.legal_rep ?? undefined, phone: lender.phone ?? undefined, licensed: lender.regime === 'licensed' },
    borrower: {
      name: borrower.name, idNumber: borrower.id_number ?? undefined, phone: phone?.phone,
      hukouAddress: addresses.find((a) => a.kind === 'hukou')?.address, residenceAddress: (addresses.find((a) => a.kind === 'residence') ?? addresses.find((a) => a.kind === 'hukou'))?.address,
    },
    loans: loans.map((l) => ({ contractNo: l.contract_no, contractName: '借款合同', contractDate: l.contract_date, contractAmount: y(l.contract_amount_fen), disbursedAmount: y(l.disbursed_amount_fen), disbursementDate: l.disbursement_date, dueDate: l.maturity_date ?? undefined })),
    case: { caseNo: kase.case_no, court: kase.court ?? undefined },
    claim: same
      ? { asOf, principalOutstanding: y(claim.components.principalOutstanding), termInterest: y(claim.components.termInterest), termFees: y(claim.components.termFees), overdueInterest: y(claim.components.overdueInterest), penaltyAndOverdueFees: y(claim.components.penaltyAndOverdueFees), expenses: y(claim.components.expenses), total: y(plan.supportable_fen) }
      : { asOf, total: y(plan.supportable_fen) },
    plan: { total: y(plan.total_fen), waived: plan.reduction_fen ? y(plan.reduction_fen) : undefined, instalments: instalments.map((i) => ({ no: i.seq, dueDate: i.due_date, amount: y(i.amount_fen) })) },
    generatedOn: ctx.today(),
  }
  const doc = await generateFromContext(ctx, {
    caseId: kase.id, type: 'repayment-agreement', format, asOf, context, borrowerId: borrower.id, fileName: `还款协议-${kase.case_no}-${borrower.name}.${format}`,
    also: (ex, record) => appendAudit(ex, { actor: ctx.platform.actor, at: record.createdAt, entity: 'repayment_plan', entityId: planId, action: 'agreement', diff: { format, documentId: record.id, templateId: record.templateId, templateVersion: record.templateVersion, missing: record.missing } }),
  })
  return {
    fileName: doc.record.fileName,
    mime: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    base64: Buffer.from(doc.bytes).toString('base64'),
    documentId: doc.record.id,
    missing: doc.record.missing,
  }
}
