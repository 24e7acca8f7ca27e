import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { z } from 'zod'
import type { courtEventInput, CourtEventView, litigationInput, LitigationRecord } from '../../../shared/domain/collection'
import { appendAudit, diffRecords, type Executor } from '../audit/log'
import type { calcService } from '../calc/service'
import type { CoreContext } from '../context'
import { notFound, UserError } from '../errors'
import { parseCaseNumber } from '../law/case-number'
import { parseSmallClaimsTable, smallClaimsHint } from '../law/procedure'
import { fenToYuan } from '../money/fen'
import { caseClaim } from './plans'

/**
 * Litigation and enforcement records of a case: procedure, court, 案号 (validated), filing date, the court fees
 * for the supportable claim, and the court events (preservation, payment order, hearings, judgment, service,
 * enforcement) from which the deadlines follow.
 */

const PROCEDURE_HINTS = {
  payment_order: { zh: '支付令：仅适用于能够送达债务人且债务人对债务无争议的情形；申请费为受理费的三分之一；债务人15日内可提出异议', en: 'Payment order: only when the debtor can be served and does not dispute the debt; the fee is a third of the case fee; the debtor may object within 15 days' },
  small_claims: { zh: '小额诉讼：标的额在本省上年度就业人员年平均工资50%以下，一审终审；受理费减半', en: 'Small claims: up to 50% of the province’s previous-year average wage, no appeal; half the case fee' },
  simplified: { zh: '简易程序：受理费减半', en: 'Simplified procedure: half the case fee' },
  ordinary: { zh: '普通程序：全额受理费', en: 'Ordinary procedure: the full case fee' },
} as const

type Calc = ReturnType<typeof calcService>

const eventView = (e: { id: string; kind: string; date: string; court: string | null; court_case_no: string | null; amount_fen: number | null; note: string | null }): CourtEventView => ({
  id: e.id, kind: e.kind as CourtEventView['kind'], date: e.date, court: e.court, caseNumber: e.court_case_no, amountFen: e.amount_fen, note: e.note,
})

export function litigationService(ctx: CoreContext, calc: Calc, afterWrite: (trx: Executor, caseId: string) => Promise<void>) {
  const { kysely } = ctx.db
  const audit = (ex: Executor, entity: string, entityId: string, action: string, diff: unknown) => appendAudit(ex, { actor: ctx.platform.actor, at: ctx.nowIso(), entity, entityId, action, diff })
  const checkNumber = (n: string | undefined) => (n ? parseCaseNumber(n, ctx.today()).normalized : undefined)

  async function record(caseId: string): Promise<LitigationRecord> {
    const c = await kysely.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst()
    if (!c) throw notFound('案件', 'Case', caseId)
    const events = await kysely.selectFrom('court_events').selectAll().where('case_id', '=', caseId).orderBy('date').orderBy('id').execute()
    let claimYuan: string | null = null
    let fees: LitigationRecord['fees'] = null
    const hints: LitigationRecord['hints'] = []
    try {
      const claim = await caseClaim(kysely, calc, caseId, ctx.today())
      if (claim.supportableFen > 0) {
        claimYuan = fenToYuan(claim.supportableFen)
        const f = calc.courtFee(claimYuan)
        fees = { fullFee: f.fullFee, halfFee: f.halfFee, paymentOrderFee: f.paymentOrderFee, preservationFee: f.preservationFee }
      }
    } catch (e) {
      if (!(e instanceof UserError)) throw e
      hints.push({ zh: `无法计算诉讼费：${e.message}`, en: `Court fees cannot be computed: ${e.messageEn}` })
    }
    const province = c.court_case_no ? safeProvince(c.court_case_no) : null
    if (province && claimYuan) {
      try {
        const table = parseSmallClaimsTable(JSON.parse(readFileSync(join(ctx.platform.resourcesDir, 'data', 'small-claims.json'), 'utf8')))
        const row = table.provinces.find((p) => p.name.startsWith(province))
        if (row) {
          const h = smallClaimsHint(table, row.code, claimYuan)
          hints.push({ zh: `小额诉讼（${h.province.name}）：${h.verdict}${h.thresholdYuan ? `，标准 ${h.thresholdYuan} 元` : '（该省标准尚未录入）'}`, en: `Small claims (${h.province.name}): ${h.verdict}${h.thresholdYuan ? `, ceiling ${h.thresholdYuan} yuan` : ' (figure not entered)'}` })
        }
      } catch (e) {
        if (!(e instanceof UserError)) throw e
      }
    }
    const procedure = c.procedure as LitigationRecord['procedure']
    if (procedure) hints.unshift(PROCEDURE_HINTS[procedure])
    else hints.unshift(...Object.values(PROCEDURE_HINTS))
    const procedureFee = !fees || !procedure ? null : procedure === 'payment_order' ? fees.paymentOrderFee : procedure === 'ordinary' ? fees.fullFee : fees.halfFee
    return { caseId, procedure, court: c.court, caseNumber: c.court_case_no, filingDate: c.filing_date, claimYuan, fees, procedureFee, hints, events: events.map(eventView) }
  }

  return {
    get: record,

    /** Set procedure, court, 案号 (validated) and filing date; nothing is stored if any of them is wrong. */
    async update(input: z.output<typeof litigationInput>): Promise<LitigationRecord> {
      const caseNumber = checkNumber(input.caseNumber)
      if (input.filingDate && input.filingDate > ctx.today()) {
        throw new UserError('FILING_DATE_FUTURE', `立案日期 ${input.filingDate} 晚于今天`, `Filing date ${input.filingDate} is after today`, { field: 'filingDate' })
      }
      await kysely.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('cases').selectAll().where('id', '=', input.caseId).executeTakeFirst()
        if (!before) throw notFound('案件', 'Case', input.caseId)
        const after = {
          ...before,
          ...(input.procedure && { procedure: input.procedure }),
          ...(input.court && { court: input.court }),
          ...(caseNumber && { court_case_no: caseNumber }),
          ...(input.filingDate && { filing_date: input.filingDate }),
          updated_at: ctx.nowIso(),
        }
        await trx.updateTable('cases').set(after).where('id', '=', input.caseId).execute()
        await audit(trx, 'case', input.caseId, 'litigation', diffRecords(before, after))
        await afterWrite(trx, input.caseId)
      })
      return record(input.caseId)
    },

    /** Record a court event; only a hearing may lie in the future. Deadlines follow from it. */
    async addEvent(input: z.output<typeof courtEventInput>): Promise<CourtEventView> {
      const caseNumber = checkNumber(input.caseNumber)
      if (input.kind !== 'hearing' && input.date > ctx.today()) {
        throw new UserError('COURT_EVENT_IN_FUTURE', `${input.kind} 日期 ${input.date} 晚于今天（只有开庭可以登记将来的日期）`, `The ${input.kind} date ${input.date} is after today (only a hearing may be in the future)`, { field: 'date' })
      }
      return kysely.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('cases').select('id').where('id', '=', input.caseId).executeTakeFirst())) throw notFound('案件', 'Case', input.caseId)
        const row = { id: ctx.newId(), case_id: input.caseId, kind: input.kind, date: input.date, court: input.court ?? null, court_case_no: caseNumber ?? null, amount_fen: input.amountFen ?? null, note: input.note ?? null, created_at: ctx.nowIso() }
        await trx.insertInto('court_events').values(row).execute()
        await audit(trx, 'court_event', row.id, 'create', row)
        await afterWrite(trx, input.caseId)
        return eventView(row)
      })
    },
  }
}

function safeProvince(caseNumber: string): string | null {
  try {
    return parseCaseNumber(caseNumber).province
  } catch {
    return null
  }
}
