import { addDays, daysBetween } from '../../../shared/domain/date'
import type { QueueItem } from '../../../shared/domain/collection'
import type { Stage } from '../../../shared/domain/enums'
import { appendAudit, type Executor } from '../audit/log'
import { daysPastDue } from '../cases/figures'
import type { CoreContext } from '../context'
import { notFound } from '../errors'
import { chinaDate } from './limitation-inputs'
import { storedLimitation } from './limitation-store'
import { assetKindsOf } from './facts'
import { refreshPlans } from './plans'
import { refreshPromises } from './promises'
import { recoveryScore, type Reachability } from './recovery-score'
import type { RuleSources } from './rules-source'

/**
 * The work queue "今日": promises due today, broken promises not yet followed up, court deadlines and hearings
 * within 7 days, limitation expiring within 30 days, new cases and broken plans — each case once, with all
 * its reasons, ordered by the recovery score (or a lawyer's override of it, kept in the audit log).
 */

type Reason = QueueItem['reasons'][number]

/** Reachability from the latest contact outcome: who answered is reachable, an empty number is not. */
function reachabilityOf(outcome: string | null | undefined): Reachability {
  if (!outcome) return 'unknown'
  if (['answered', 'promised', 'negotiating', 'refused'].includes(outcome)) return 'reachable'
  if (outcome === 'no_answer') return 'intermittent'
  return 'unreachable'
}

const chunks = <T>(xs: readonly T[], n = 500): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))

export function queueService(ctx: CoreContext, sources: RuleSources) {
  const { kysely } = ctx.db

  async function gather(trx: Executor, today: string): Promise<Map<string, Reason[]>> {
    const reasons = new Map<string, Reason[]>()
    const add = (caseId: string, r: Reason) => (reasons.get(caseId) ?? reasons.set(caseId, []).get(caseId)!).push(r)
    const audit = { actor: ctx.platform.actor, at: ctx.nowIso() }
    const promiseCases = await trx.selectFrom('promises').select('case_id').distinct().where('status', '=', 'open').execute()
    for (const ids of chunks(promiseCases.map((p) => p.case_id))) await refreshPromises(trx, ids, today, audit)
    const planCases = await trx.selectFrom('repayment_plans').select('case_id').distinct().where('status', 'in', ['agreed', 'performing']).execute()
    for (const ids of chunks(planCases.map((p) => p.case_id))) await refreshPlans(trx, ids, today, audit)

    for (const p of await trx.selectFrom('promises').select(['case_id', 'amount_fen', 'due_date']).where('status', '=', 'open').where('due_date', '=', today).execute())
      add(p.case_id, { kind: 'promise_due', text: `今日承诺还款 ${yuan(p.amount_fen)} 元`, textEn: `Promised ${yuan(p.amount_fen)} yuan today`, date: p.due_date })
    const broken = await trx.selectFrom('promises').select(['case_id', 'amount_fen', 'due_date', 'kept_fen']).where('status', 'in', ['broken', 'partly_kept']).where('due_date', '>=', addDays(today, -30)).execute()
    for (const p of broken) {
      const followed = await trx.selectFrom('collection_actions').select('id').where('case_id', '=', p.case_id).where('at', '>', `${p.due_date}T16:00:00.000Z`).limit(1).executeTakeFirst()
      if (!followed) add(p.case_id, { kind: 'promise_broken', text: `承诺 ${p.due_date} 还款 ${yuan(p.amount_fen)} 元未履行（已还 ${yuan(p.kept_fen)} 元），尚未跟进`, textEn: `Promise of ${yuan(p.amount_fen)} yuan due ${p.due_date} not kept (${yuan(p.kept_fen)} paid), not followed up`, date: p.due_date })
    }
    const soon = await trx.selectFrom('deadlines').select(['case_id', 'kind', 'due_date', 'basis']).where('status', '=', 'open').where('kind', '!=', 'limitation').where('due_date', '>=', today).where('due_date', '<=', addDays(today, 7)).execute()
    for (const d of soon) {
      const left = daysBetween(today, d.due_date)
      if (d.kind === 'hearing') add(d.case_id, { kind: 'hearing', text: `${d.due_date} 开庭（${left} 天后）`, textEn: `Hearing on ${d.due_date} (in ${left} days)`, date: d.due_date })
      else add(d.case_id, { kind: 'deadline', text: `${d.kind} 期限 ${d.due_date} 届满（剩 ${left} 天）`, textEn: `${d.kind} deadline ${d.due_date} (${left} days left)`, date: d.due_date })
    }
    const open = await trx.selectFrom('cases').select(['id', 'stage']).where('stage', '!=', 'closed').execute()
    for (const c of open) if (c.stage === 'new') add(c.id, { kind: 'new_case', text: '新案：尚未开始处理', textEn: 'New case, not yet worked' })
    for (const l of await storedLimitation(trx, today, sources.calendar(), sources.calendarKey())) {
      if (l.state === 'running' && l.daysLeft !== null && l.daysLeft <= 30) add(l.caseId, { kind: 'limitation', text: `合同 ${l.contractNo} 诉讼时效 ${l.expiry} 届满（剩 ${l.daysLeft} 天）`, textEn: `Limitation on ${l.contractNo} expires ${l.expiry} (${l.daysLeft} days left)`, date: l.expiry! })
    }
    for (const p of await trx.selectFrom('repayment_plans').select(['case_id']).where('status', '=', 'broken').execute())
      add(p.case_id, { kind: 'plan_broken', text: '还款计划有逾期未还的分期', textEn: 'A repayment plan instalment was missed' })
    return reasons
  }

  return {
    /** Today's queue, best score first (at most `limit` cases). */
    async today(limit = 500): Promise<QueueItem[]> {
      const today = ctx.today()
      return kysely.transaction().execute(async (trx) => {
        const reasons = await gather(trx, today)
        const items: QueueItem[] = []
        for (const ids of chunks([...reasons.keys()])) {
          const cases = await trx.selectFrom('cases as c').innerJoin('borrowers as b', 'b.id', 'c.borrower_id')
            .select(['c.id', 'c.case_no', 'c.stage', 'c.owner', 'c.overdue_since', 'c.principal_outstanding_fen', 'c.repaid_fen', 'b.name'])
            .where('c.id', 'in', ids).execute()
          const actions = await trx.selectFrom('collection_actions').select(['case_id', 'at', 'outcome', 'channel']).where('case_id', 'in', ids).orderBy('at').execute()
          const promises = await trx.selectFrom('promises').select(['case_id', 'status']).where('case_id', 'in', ids).execute()
          const assets = await assetKindsOf(trx, ids)
          const overrides = await trx.selectFrom('audit_log').select(['entity_id', 'diff_json']).where('entity', '=', 'case').where('entity_id', 'in', ids).where('action', '=', 'score_override').orderBy('seq').execute()
          for (const c of cases) {
            const mine = actions.filter((a) => a.case_id === c.id)
            const lastOutcome = mine.filter((a) => a.outcome).at(-1)?.outcome
            const last = mine.at(-1)
            const kept = promises.filter((p) => p.case_id === c.id && p.status === 'kept').length
            const brokenN = promises.filter((p) => p.case_id === c.id && (p.status === 'broken' || p.status === 'partly_kept')).length
            const s = recoveryScore({
              today, daysPastDue: daysPastDue(c.overdue_since, today), outstandingFen: c.principal_outstanding_fen, repaidFen: c.repaid_fen,
              reachability: reachabilityOf(lastOutcome), promisesKept: kept, promisesBroken: brokenN, lastContactDate: last ? minDate(chinaDate(last.at), today) : null, knownAssets: assets.get(c.id) ?? [],
            })
            const o = overrides.filter((x) => x.entity_id === c.id).at(-1)
            const override = o ? (JSON.parse(o.diff_json!) as { score: number; reason: string }) : null
            items.push({
              caseId: c.id, caseNo: c.case_no, borrowerName: c.name, stage: c.stage as Stage, owner: c.owner, reasons: reasons.get(c.id)!,
              score: override?.score ?? s.score, computedScore: s.score, override: override && { score: override.score, reason: override.reason }, factors: s.factors,
            })
          }
        }
        items.sort((a, b) => b.score - a.score || (a.caseNo < b.caseNo ? -1 : 1))
        return items.slice(0, limit)
      })
    },

    /** A lawyer's score for a case, with the reason; the computed score and its factors stay visible. */
    async overrideScore(caseId: string, score: number, reason: string): Promise<{ caseId: string; score: number; reason: string }> {
      return kysely.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw notFound('案件', 'Case', caseId)
        await appendAudit(trx, { actor: ctx.platform.actor, at: ctx.nowIso(), entity: 'case', entityId: caseId, action: 'score_override', diff: { score, reason } })
        return { caseId, score, reason }
      })
    },
  }
}

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
const minDate = (a: string, b: string) => (a < b ? a : b)
