import type { CaseDeadlines, DeadlineAnswer } from '../../../shared/domain/collection'
import { appendAudit, type Executor } from '../audit/log'
import { calcService } from '../calc/service'
import { stageService } from '../cases/stage-service'
import type { CoreContext } from '../context'
import { notFound } from '../errors'
import { dueDate, type DeadlineKind } from '../law/deadlines'
import { actionService } from './actions'
import { planAgreement } from './agreement'
import { caseDeadlines, refreshCaseDeadlines } from './court-deadlines'
import { conductSettings } from './conduct-settings'
import { factsService } from './facts'
import { litigationService } from './litigation'
import { planService } from './plans'
import { promiseService } from './promises'
import { queueService } from './queue'
import { ruleSources } from './rules-source'

/**
 * Collection, deadlines and disputes (issue 8) as one service with a part per concept. Every write that can
 * move a deadline (an action with a delivery, an agreed plan, a court event, a filing) recomputes the case's
 * stored deadlines in the same transaction.
 */
export function collectionService(ctx: CoreContext) {
  const sources = ruleSources(ctx)
  const calc = calcService(ctx)
  const { kysely } = ctx.db
  const refresh = (trx: Executor, caseId: string) =>
    refreshCaseDeadlines(trx, caseId, ctx.today(), sources.calendar(), { actor: ctx.platform.actor, at: ctx.nowIso(), newId: ctx.newId })

  return {
    stages: stageService(ctx, refresh),
    actions: actionService(ctx, sources, refresh),
    promises: promiseService(ctx),
    plans: { ...planService(ctx, calc, refresh), agreement: (id: string, format: 'pdf' | 'docx') => planAgreement(ctx, calc, id, format) },
    litigation: litigationService(ctx, calc, refresh),
    queue: queueService(ctx, sources),
    facts: factsService(ctx, refresh),
    settings: conductSettings(ctx, sources),

    deadlines: {
      /** One deadline from one event date (`casedesk deadline`). */
      compute(kind: DeadlineKind, from: string): DeadlineAnswer {
        const r = dueDate(kind, from, sources.calendar())
        return { due: r.due, rolledFrom: r.rolledFrom, basis: r.basis, basisEn: r.basisEn, ...(r.calendarWarning ? { calendarWarning: r.calendarWarning } : {}) }
      },
      /** Recompute and list a case's deadlines with the live limitation of each loan. */
      async forCase(caseId: string): Promise<CaseDeadlines> {
        return kysely.transaction().execute(async (trx) => {
          if (!(await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw notFound('案件', 'Case', caseId)
          await refresh(trx, caseId)
          return caseDeadlines(trx, caseId, ctx.today(), sources.calendar())
        })
      },
      /** Mark a deadline done or dismissed (or open again). */
      async setStatus(id: string, status: 'open' | 'done' | 'dismissed'): Promise<{ id: string; status: string }> {
        return kysely.transaction().execute(async (trx) => {
          const d = await trx.selectFrom('deadlines').select(['id', 'status', 'case_id']).where('id', '=', id).executeTakeFirst()
          if (!d) throw notFound('期限', 'Deadline', id)
          await trx.updateTable('deadlines').set({ status }).where('id', '=', id).execute()
          await appendAudit(trx, { actor: ctx.platform.actor, at: ctx.nowIso(), entity: 'deadline', entityId: id, action: 'status', diff: { status: [d.status, status] } })
          return { id, status }
        })
      },
    },
  }
}
