import type { z } from 'zod'
import type { PlanView, planProposeInput } from '../../../shared/domain/collection'
import { daysBetween } from '../../../shared/domain/date'
import { appendAudit, type Executor } from '../audit/log'
import type { calcService } from '../calc/service'
import type { CoreContext } from '../context'
import { notFound, UserError } from '../errors'
import { fenToYuan, yuanToFen } from '../money/fen'
import { chinaDate } from './limitation-inputs'
import { trackInstalments } from './matching'
import { planInstalments } from './plan-split'
import { repaymentsByCase } from './promises'

/**
 * Repayment plans (分期还款): the supportable amount from the claim calculator, minus a reduction (减免) of
 * interest, penalty and fees within the lender's approval limit, split into instalments that add up exactly;
 * then tracked against the repayments, with an alert and a proposed next step when one is missed.
 */

/** House default when a lender has no limit of its own: a lawyer may waive up to 30 % of interest, penalty and fees. [U: editable per lender] */
export const DEFAULT_REDUCTION_PERCENT = 30
const LIMITS_KEY = 'collection.reductionLimits'

type Calc = ReturnType<typeof calcService>

export interface CaseClaim {
  asOf: string
  supportableFen: number
  /** Interest, penalty and fees: the part a reduction may touch (never principal or expenses). */
  reducibleFen: number
  principalFen: number
  components: { principalOutstanding: number; termInterest: number; termFees: number; overdueInterest: number; penaltyAndOverdueFees: number; expenses: number; total: number }
}

/** The supportable claim over all loans of a case on `asOf`, in fen. */
export async function caseClaim(ex: Executor, calc: Calc, caseId: string, asOf: string): Promise<CaseClaim> {
  const loans = await ex.selectFrom('case_loans').select('loan_id').where('case_id', '=', caseId).orderBy('loan_id').execute()
  if (!loans.length) throw new UserError('CASE_NO_LOANS', '案件没有借款合同，无法计算可主张金额', 'The case has no loans to calculate a claim from', { field: 'caseId' })
  const c = { principalOutstanding: 0, termInterest: 0, termFees: 0, overdueInterest: 0, penaltyAndOverdueFees: 0, expenses: 0, total: 0 }
  for (const { loan_id } of loans) {
    const { result } = await calc.claimForLoan(loan_id, asOf)
    for (const k of Object.keys(c) as (keyof typeof c)[]) c[k] += yuanToFen(result[k])
  }
  return { asOf, supportableFen: c.total, reducibleFen: c.termInterest + c.termFees + c.overdueInterest + c.penaltyAndOverdueFees, principalFen: c.principalOutstanding, components: c }
}

export async function reductionLimits(ex: Executor): Promise<Record<string, number>> {
  const row = await ex.selectFrom('settings').select('value_json').where('key', '=', LIMITS_KEY).executeTakeFirst()
  return row ? (JSON.parse(row.value_json) as Record<string, number>) : {}
}

const fmt = (fen: number) => fenToYuan(fen)

/** Track a stored plan against the case's repayments; returns the view and what changed. */
export function trackPlan(plan: { id: string; case_id: string; supportable_fen: number; reduction_fen: number; total_fen: number; status: string; created_at: string }, instalments: { seq: number; due_date: string; amount_fen: number; paid_fen: number }[], payments: { date: string; amountFen: number }[], today: string): PlanView {
  const start = chinaDate(plan.created_at)
  const tracked = trackInstalments(instalments.map((i) => ({ seq: i.seq, dueDate: i.due_date, amountFen: i.amount_fen })), payments, start, today)
  const missed = tracked.find((t) => t.state === 'missed')
  let status = plan.status as PlanView['status']
  if (status !== 'proposed') {
    status = tracked.every((t) => t.state === 'paid') ? 'completed' : missed ? 'broken' : tracked.some((t) => t.paidFen > 0) ? 'performing' : 'agreed'
  }
  const alert = missed && status === 'broken'
    ? {
        message: `第 ${missed.seq} 期（${missed.dueDate}）应还 ${fmt(missed.amountFen)} 元，已还 ${fmt(missed.paidFen)} 元，已逾期 ${daysBetween(missed.dueDate, today)} 天`,
        messageEn: `Instalment ${missed.seq} (${missed.dueDate}) of ${fmt(missed.amountFen)} yuan is missed: ${fmt(missed.paidFen)} paid, ${daysBetween(missed.dueDate, today)} days late`,
        nextStep: '联系借款人催告补足并记录；仍不履行的，依协议违约条款宣布剩余款项提前到期，核对诉讼时效后申请支付令或起诉（还款协议为债务确认的证据）',
        nextStepEn: 'Contact the borrower to cure and log it; if not cured, accelerate under the agreement’s default clause, check limitation, then apply for a payment order or sue (the agreement proves the debt)',
      }
    : null
  return {
    id: plan.id, caseId: plan.case_id, supportableFen: plan.supportable_fen, reductionFen: plan.reduction_fen, totalFen: plan.total_fen, status, createdOn: start,
    instalments: tracked.map((t) => ({ seq: t.seq, dueDate: t.dueDate, amountFen: t.amountFen, paidFen: t.paidFen, state: t.state })), alert,
  }
}

/** Re-track the plans of these cases and store any change in paid amounts or status (audited). */
export async function refreshPlans(ex: Executor, caseIds: readonly string[], today: string, audit: { actor: string; at: string }): Promise<PlanView[]> {
  if (!caseIds.length) return []
  const plans = await ex.selectFrom('repayment_plans').selectAll().where('case_id', 'in', caseIds as string[]).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  if (!plans.length) return []
  const instalments = await ex.selectFrom('plan_instalments').selectAll().where('plan_id', 'in', plans.map((p) => p.id)).orderBy('seq').execute()
  const payments = await repaymentsByCase(ex, [...new Set(plans.map((p) => p.case_id))])
  const out: PlanView[] = []
  for (const p of plans) {
    const own = instalments.filter((i) => i.plan_id === p.id)
    const v = trackPlan(p, own, payments.get(p.case_id) ?? [], today)
    const changed = v.instalments.filter((t) => own.find((o) => o.seq === t.seq)!.paid_fen !== t.paidFen)
    for (const t of changed) await ex.updateTable('plan_instalments').set({ paid_fen: t.paidFen }).where('plan_id', '=', p.id).where('seq', '=', t.seq).execute()
    if (v.status !== p.status) await ex.updateTable('repayment_plans').set({ status: v.status }).where('id', '=', p.id).execute()
    if (changed.length || v.status !== p.status) {
      await appendAudit(ex, { ...audit, entity: 'repayment_plan', entityId: p.id, action: 'track', diff: { status: [p.status, v.status], paid: changed.map((t) => ({ seq: t.seq, paidFen: t.paidFen })) } })
    }
    out.push(v)
  }
  return out
}

export function planService(ctx: CoreContext, calc: Calc, afterWrite: (trx: Executor, caseId: string) => Promise<void>) {
  const { kysely } = ctx.db
  const audit = () => ({ actor: ctx.platform.actor, at: ctx.nowIso() })

  return {
    /** Propose a plan: checks the reduction against the lender's limit and the instalments against the total. */
    async propose(input: z.output<typeof planProposeInput>): Promise<PlanView> {
      const kase = await kysely.selectFrom('cases').select(['id', 'lender_id', 'stage']).where('id', '=', input.caseId).executeTakeFirst()
      if (!kase) throw notFound('案件', 'Case', input.caseId)
      const today = ctx.today()
      if (input.firstDate < today) throw new UserError('PLAN_FIRST_DATE_PAST', `首期还款日 ${input.firstDate} 早于今天`, `The first instalment date ${input.firstDate} is before today`, { field: 'firstDate' })
      const claim = await caseClaim(kysely, calc, input.caseId, input.asOf ?? today)
      const percent = (await reductionLimits(kysely))[kase.lender_id] ?? DEFAULT_REDUCTION_PERCENT
      const limitFen = Math.floor((claim.reducibleFen * percent) / 100)
      if (input.reductionFen > limitFen) {
        throw new UserError(
          'PLAN_REDUCTION_OVER_LIMIT',
          `减免 ${fmt(input.reductionFen)} 元超过审批权限：利息、违约金及费用共 ${fmt(claim.reducibleFen)} 元，该出借人允许减免至多 ${percent}%，即 ${fmt(limitFen)} 元（本金不予减免）`,
          `A reduction of ${fmt(input.reductionFen)} yuan exceeds the approval limit: ${percent}% of ${fmt(claim.reducibleFen)} yuan interest, penalty and fees is ${fmt(limitFen)} yuan (principal is never reduced)`,
          { field: 'reductionFen', details: { limitFen, percent, reducibleFen: claim.reducibleFen } },
        )
      }
      const totalFen = claim.supportableFen - input.reductionFen
      const planned = planInstalments(totalFen, input.count, input.firstDate, input.intervalMonths, input.amountsFen)
      return kysely.transaction().execute(async (trx) => {
        const row = { id: ctx.newId(), case_id: input.caseId, supportable_fen: claim.supportableFen, reduction_fen: input.reductionFen, total_fen: totalFen, status: 'proposed', created_at: ctx.nowIso() }
        await trx.insertInto('repayment_plans').values(row).execute()
        for (const p of planned) await trx.insertInto('plan_instalments').values({ plan_id: row.id, seq: p.seq, due_date: p.dueDate, amount_fen: p.amountFen, paid_fen: 0 }).execute()
        await appendAudit(trx, { ...audit(), entity: 'repayment_plan', entityId: row.id, action: 'create', diff: { ...row, asOf: claim.asOf, limitPercent: percent, instalments: planned } })
        return trackPlan(row, planned.map((p) => ({ seq: p.seq, due_date: p.dueDate, amount_fen: p.amountFen, paid_fen: 0 })), [], today)
      })
    },

    /** The borrower signed: the plan is agreed (an acknowledgement that restarts limitation) and tracking begins. */
    async agree(planId: string): Promise<PlanView> {
      return kysely.transaction().execute(async (trx) => {
        const p = await trx.selectFrom('repayment_plans').selectAll().where('id', '=', planId).executeTakeFirst()
        if (!p) throw notFound('还款计划', 'Repayment plan', planId)
        if (p.status !== 'proposed') throw new UserError('PLAN_NOT_PROPOSED', '该还款计划已确认，不能重复确认', 'The plan was already agreed', { field: 'id' })
        await trx.updateTable('repayment_plans').set({ status: 'agreed' }).where('id', '=', planId).execute()
        await appendAudit(trx, { ...audit(), entity: 'repayment_plan', entityId: planId, action: 'agree', diff: { status: ['proposed', 'agreed'] } })
        const [view] = (await refreshPlans(trx, [p.case_id], ctx.today(), audit())).filter((v) => v.id === planId)
        await afterWrite(trx, p.case_id)
        return view
      })
    },

    async list(caseId: string): Promise<PlanView[]> {
      return kysely.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw notFound('案件', 'Case', caseId)
        return refreshPlans(trx, [caseId], ctx.today(), audit())
      })
    },

    async setReductionLimit(lenderId: string, maxPercent: number): Promise<{ lenderId: string; maxPercent: number }> {
      return kysely.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('lenders').select('id').where('id', '=', lenderId).executeTakeFirst())) throw notFound('出借人', 'Lender', lenderId)
        const limits = await reductionLimits(trx)
        const before = limits[lenderId] ?? null
        limits[lenderId] = maxPercent
        const now = ctx.nowIso()
        await trx.insertInto('settings').values({ key: LIMITS_KEY, value_json: JSON.stringify(limits), updated_at: now }).onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(limits), updated_at: now })).execute()
        await appendAudit(trx, { ...audit(), entity: 'lender', entityId: lenderId, action: 'reduction_limit', diff: { maxPercent: [before, maxPercent] } })
        return { lenderId, maxPercent }
      })
    },
  }
}
