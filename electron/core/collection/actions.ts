import type { z } from 'zod'
import type { actionInput, CollectionAction } from '../../../shared/domain/collection'
import { appendAudit, type Executor } from '../audit/log'
import type { CollectionActionsTable } from '../db/schema'
import type { CoreContext } from '../context'
import { notFound, UserError } from '../errors'
import { toChinaTime } from './china-time'
import type { ContactOutcome } from './conduct-rules'
import { checkAction, type ContactAction, type GuardViolation } from './guard'
import type { RuleSources } from './rules-source'

type ActionInput = z.output<typeof actionInput>

/** The store says 'unreachable' (失联) where the guard's rules say 'lost_contact'; everything else is the same code. */
const guardOutcome = (o: string | null | undefined): ContactOutcome | undefined => (o ? ((o === 'unreachable' ? 'lost_contact' : o) as ContactOutcome) : undefined)

/** Which field a violation is about, so the form can point at it. */
const FIELD_OF: Record<GuardViolation['code'], string> = {
  CONTACT_OUTSIDE_HOURS: 'at',
  CONTACT_TOO_FREQUENT: 'at',
  THIRD_PARTY_DISCLOSURE: 'target',
  FORBIDDEN_EXPRESSION: 'note',
}

/** The refusal for a blocked action: the first rule's code, every rule's message, all of them in details. */
export function blockedError(violations: GuardViolation[]): UserError {
  const v = violations[0]
  return new UserError(
    v.code,
    `${violations.map((x) => x.message).join('；')}。如确需记录，请填写例外理由（将写入审计日志）`,
    `${violations.map((x) => x.messageEn).join('; ')}. To record it anyway, give an override reason (it goes to the audit log)`,
    { field: FIELD_OF[v.code], details: { violations } },
  )
}

export function toView(r: CollectionActionsTable): CollectionAction {
  return {
    id: r.id, caseId: r.case_id, channel: r.channel as CollectionAction['channel'], target: r.target as CollectionAction['target'], targetName: r.target_name, at: r.at,
    durationSec: r.duration_sec, outcome: r.outcome as CollectionAction['outcome'], note: r.note, trackingNo: r.tracking_no, deliveredOn: r.delivered_on, proofEvidenceId: r.proof_evidence_id, actor: r.actor, overrideReason: r.override_reason,
  }
}

/**
 * The collection log with the conduct guard in front of it: an action that breaks a rule (hours, frequency,
 * third-party disclosure, forbidden expressions) is refused with the rule's code, unless the lawyer gives an
 * override reason — then it is saved with the reason, and the reason and the rules it broke go to the audit log.
 */
export function actionService(ctx: CoreContext, sources: RuleSources, afterWrite: (trx: Executor, caseId: string) => Promise<void>) {
  const { kysely } = ctx.db

  /** Rules the action breaks, judged against the borrower's actions of the last 8 days (any case, any target). */
  async function violations(ex: Executor, borrowerId: string, input: ActionInput): Promise<GuardViolation[]> {
    const t = toChinaTime(input.at)
    const since = new Date(t.epochMs - 8 * 86_400_000).toISOString()
    const history = await ex
      .selectFrom('collection_actions as a')
      .innerJoin('cases as c', 'c.id', 'a.case_id')
      .select(['a.channel', 'a.target', 'a.at'])
      .where('c.borrower_id', '=', borrowerId)
      .where('a.at', '>=', since)
      .execute()
    const action: ContactAction = { borrowerId, channel: input.channel, target: input.target, at: input.at, outcome: guardOutcome(input.outcome), note: input.note, text: input.text }
    const past: ContactAction[] = history.map((h) => ({ borrowerId, channel: h.channel as ContactAction['channel'], target: h.target as ContactAction['target'], at: h.at }))
    return checkAction(action, past, sources.conduct(), { now: ctx.platform.now() })
  }

  return {
    /** Check an action without saving it (the form shows the guard's verdict before the lawyer saves). */
    async check(input: ActionInput): Promise<GuardViolation[]> {
      const c = await kysely.selectFrom('cases').select('borrower_id').where('id', '=', input.caseId).executeTakeFirst()
      if (!c) throw notFound('案件', 'Case', input.caseId)
      return violations(kysely, c.borrower_id, input)
    },

    async add(input: ActionInput): Promise<CollectionAction> {
      return kysely.transaction().execute(async (trx) => {
        const c = await trx.selectFrom('cases').select('borrower_id').where('id', '=', input.caseId).executeTakeFirst()
        if (!c) throw notFound('案件', 'Case', input.caseId)
        const found = await violations(trx, c.borrower_id, input)
        if (found.length && !input.overrideReason) throw blockedError(found)
        const t = toChinaTime(input.at)
        if (input.deliveredOn && (input.deliveredOn < t.date || input.deliveredOn > ctx.today())) {
          throw new UserError('DELIVERY_DATE_INVALID', `送达日期 ${input.deliveredOn} 应在发出日 ${t.date} 与今天之间`, `Delivery date ${input.deliveredOn} must lie between the sending day ${t.date} and today`, { field: 'deliveredOn' })
        }
        const now = ctx.nowIso()
        const row: CollectionActionsTable = {
          id: ctx.newId(), case_id: input.caseId, channel: input.channel, target: input.target, target_name: input.targetName ?? null,
          at: new Date(t.epochMs).toISOString(), duration_sec: input.durationSec ?? null, outcome: input.outcome ?? null, note: input.note ?? null,
          tracking_no: input.trackingNo ?? null, delivered_on: input.deliveredOn ?? null, proof_evidence_id: input.proofEvidenceId ?? null,
          actor: ctx.platform.actor, override_reason: found.length ? input.overrideReason! : null, created_at: now,
        }
        await trx.insertInto('collection_actions').values(row).execute()
        await appendAudit(trx, { actor: ctx.platform.actor, at: now, entity: 'collection_action', entityId: row.id, action: 'create', diff: { ...row, text: input.text ?? null } })
        if (found.length) {
          await appendAudit(trx, {
            actor: ctx.platform.actor, at: now, entity: 'collection_action', entityId: row.id, action: 'guard_override',
            diff: { reason: input.overrideReason, violations: found.map((v) => ({ code: v.code, message: v.message })) },
          })
        }
        await afterWrite(trx, input.caseId)
        return toView(row)
      })
    },

    async list(caseId: string): Promise<CollectionAction[]> {
      const rows = await kysely.selectFrom('collection_actions').selectAll().where('case_id', '=', caseId).orderBy('at', 'desc').orderBy('id', 'desc').execute()
      if (!rows.length && !(await kysely.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw notFound('案件', 'Case', caseId)
      return rows.map(toView)
    },
  }
}
