import type { z } from 'zod'
import type { CaseDetail } from '../../../shared/domain/case'
import type { BulkResult, bulkStageInput, StageOptions, stageChangeInput } from '../../../shared/domain/collection'
import type { Stage } from '../../../shared/domain/enums'
import { appendAudit, diffRecords, type Executor } from '../audit/log'
import type { CoreContext } from '../context'
import { notFound, UserError } from '../errors'
import { loadCaseDetail } from './service'
import { checkTransition, CLOSE_REASON_LABELS, nextStages, requiredFor, type CloseReason } from './stages'

type StageChange = Omit<z.output<typeof stageChangeInput>, 'caseId'>

/**
 * Moving cases through the stages: one at a time with the data the target stage needs, or in bulk for
 * selected cases (each case in its own transaction, so one refusal does not stop the rest), and bulk
 * assignment of an owner. `afterWrite` runs in the same transaction after a move into litigation (deadlines). Every move is written to stage_history (the timeline) and the audit log.
 */
export function stageService(ctx: CoreContext, afterWrite: (trx: Executor, caseId: string) => Promise<void> = async () => {}) {
  const { kysely } = ctx.db

  async function changeIn(trx: Executor, caseId: string, input: StageChange): Promise<void> {
    const before = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst()
    if (!before) throw notFound('案件', 'Case', caseId)
    const today = ctx.today()
    const data = checkTransition(before.stage, input.to, input, today)
    const now = ctx.nowIso()
    const after = {
      ...before,
      stage: input.to,
      updated_at: now,
      ...(input.to === 'litigation' && { court: data.court!, filing_date: data.filingDate!, court_case_no: data.caseNumber ?? before.court_case_no }),
      ...(input.to === 'closed' && { closed_on: today, close_reason: data.closeReason! }),
    }
    await trx.updateTable('cases').set(after).where('id', '=', caseId).execute()
    const reason = [
      input.to === 'closed' ? `结案原因：${CLOSE_REASON_LABELS[data.closeReason as CloseReason].zh}` : null,
      input.to === 'litigation' ? `${data.court} 立案 ${data.filingDate}${data.caseNumber ? ` ${data.caseNumber}` : ''}` : null,
      input.reason ?? null,
    ].filter(Boolean).join('；') || null
    await trx.insertInto('stage_history').values({ id: ctx.newId(), case_id: caseId, from_stage: before.stage, to_stage: input.to, at: now, actor: ctx.platform.actor, reason }).execute()
    await appendAudit(trx, { actor: ctx.platform.actor, at: now, entity: 'case', entityId: caseId, action: 'stage', diff: { ...diffRecords(before, after), reason } })
    // A filing holds limitation and may start court deadlines.
    if (input.to === 'litigation') await afterWrite(trx, caseId)
  }

  return {
    /** Move one case; throws the stage machine's coded error (nothing stored) when the move or its data is wrong. */
    async change(caseId: string, input: StageChange): Promise<CaseDetail> {
      return kysely.transaction().execute(async (trx) => {
        await changeIn(trx, caseId, input)
        return loadCaseDetail(trx, caseId, ctx.today())
      })
    },

    /** Move many cases; each that cannot move is reported with its reason and left as it was. */
    async bulkChange(input: z.output<typeof bulkStageInput>): Promise<BulkResult> {
      const { caseIds, ...change } = input
      const out: BulkResult = { changed: [], failed: [] }
      for (const caseId of new Set(caseIds)) {
        try {
          await kysely.transaction().execute((trx) => changeIn(trx, caseId, change))
          out.changed.push(caseId)
        } catch (e) {
          if (!(e instanceof UserError)) throw e
          out.failed.push({ caseId, code: e.code, message: e.message, messageEn: e.messageEn })
        }
      }
      return out
    },

    /** Give many cases one owner; unknown ids are reported, the rest are assigned. */
    async bulkAssign(caseIds: string[], owner: string): Promise<BulkResult> {
      return kysely.transaction().execute(async (trx) => {
        const out: BulkResult = { changed: [], failed: [] }
        for (const caseId of new Set(caseIds)) {
          const before = await trx.selectFrom('cases').select(['id', 'owner']).where('id', '=', caseId).executeTakeFirst()
          if (!before) {
            const e = notFound('案件', 'Case', caseId)
            out.failed.push({ caseId, code: e.code, message: e.message, messageEn: e.messageEn })
            continue
          }
          if (before.owner === owner) {
            out.changed.push(caseId)
            continue
          }
          await trx.updateTable('cases').set({ owner, updated_at: ctx.nowIso() }).where('id', '=', caseId).execute()
          await appendAudit(trx, { actor: ctx.platform.actor, at: ctx.nowIso(), entity: 'case', entityId: caseId, action: 'assign', diff: { owner: [before.owner, owner] } })
          out.changed.push(caseId)
        }
        return out
      })
    },

    /** Where a case may go next, what each stage needs, and how it got here. */
    async options(caseId: string): Promise<StageOptions> {
      const c = await kysely.selectFrom('cases').select('stage').where('id', '=', caseId).executeTakeFirst()
      if (!c) throw notFound('案件', 'Case', caseId)
      const history = await kysely.selectFrom('stage_history').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute()
      return {
        current: c.stage as Stage,
        next: nextStages(c.stage as Stage).map((stage) => ({ stage, required: requiredFor(stage).map((r) => r.field) })),
        history: history.map((h) => ({ at: h.at, from: h.from_stage, to: h.to_stage, actor: h.actor, reason: h.reason })),
      }
    },
  }
}
