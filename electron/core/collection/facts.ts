import type { z } from 'zod'
import type {
  AcknowledgementView, acknowledgementInput, assetInput, KnownAssetView, PaymentOrderAdvice, paymentOrderFactsInput, PaymentOrderFactsView, receiptInput,
} from '../../../shared/domain/collection-facts'
import type { CollectionAction } from '../../../shared/domain/collection'
import { appendAudit, type Executor } from '../audit/log'
import type { CoreContext } from '../context'
import { notFound, UserError } from '../errors'
import { addEvidenceFiles, type IncomingFile } from '../evidence/intake'
import { paymentOrderHint } from '../law/procedure'
import { toView as actionView } from './actions'

/**
 * What collecting turns up, recorded per case: known assets (the recovery score's assets factor and the
 * enforcement application), signed debt acknowledgements (债务确认书 — they restart limitation, 民法典第195条(二)),
 * a letter's delivery receipt (送达回执) taken in through the evidence intake as 送达凭证 and linked to its
 * action (so the demand counts as delivered), and the 支付令 conditions a lawyer has checked.
 */

const DEMANDS = new Set(['letter', 'lawyer_letter', 'sms', 'email'])

const assetView = (r: { id: string; case_id: string; kind: string; description: string; value_fen: number | null; source: string | null; found_on: string; created_at: string }): KnownAssetView => ({
  id: r.id, caseId: r.case_id, kind: r.kind as KnownAssetView['kind'], description: r.description, valueFen: r.value_fen, source: r.source, foundOn: r.found_on, createdAt: r.created_at,
})
const ackView = (r: { id: string; case_id: string; signed_on: string; amount_fen: number | null; evidence_id: string | null; note: string | null; created_at: string }): AcknowledgementView => ({
  id: r.id, caseId: r.case_id, signedOn: r.signed_on, amountFen: r.amount_fen, evidenceId: r.evidence_id, note: r.note, createdAt: r.created_at,
})

export function factsService(ctx: CoreContext, afterWrite: (trx: Executor, caseId: string) => Promise<void>) {
  const { kysely } = ctx.db
  const audit = (ex: Executor, entity: string, entityId: string, action: string, diff: unknown) => appendAudit(ex, { actor: ctx.platform.actor, at: ctx.nowIso(), entity, entityId, action, diff })
  const assertCase = async (ex: Executor, caseId: string) => {
    if (!(await ex.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw notFound('案件', 'Case', caseId)
  }
  const notFuture = (date: string, field: string, zh: string, en: string) => {
    if (date > ctx.today()) throw new UserError('DATE_IN_FUTURE', `${zh} ${date} 晚于今天`, `${en} ${date} is after today`, { field })
  }

  return {
    assets: {
      async add(input: z.output<typeof assetInput>): Promise<KnownAssetView> {
        notFuture(input.foundOn, 'foundOn', '发现日期', 'The date found')
        return kysely.transaction().execute(async (trx) => {
          await assertCase(trx, input.caseId)
          const row = { id: ctx.newId(), case_id: input.caseId, kind: input.kind, description: input.description, value_fen: input.valueFen ?? null, source: input.source || null, found_on: input.foundOn, created_by: ctx.platform.actor, created_at: ctx.nowIso() }
          await trx.insertInto('known_assets').values(row).execute()
          await audit(trx, 'known_asset', row.id, 'create', row)
          return assetView(row)
        })
      },
      async list(caseId: string): Promise<KnownAssetView[]> {
        await assertCase(kysely, caseId)
        return (await kysely.selectFrom('known_assets').selectAll().where('case_id', '=', caseId).orderBy('found_on').orderBy('id').execute()).map(assetView)
      },
    },

    acknowledgements: {
      /** A signed acknowledgement; the case's limitation deadlines follow in the same transaction. */
      async add(input: z.output<typeof acknowledgementInput>): Promise<AcknowledgementView> {
        notFuture(input.signedOn, 'signedOn', '签署日期', 'The signing date')
        return kysely.transaction().execute(async (trx) => {
          await assertCase(trx, input.caseId)
          if (input.evidenceId) {
            const e = await trx.selectFrom('evidence_items').select(['case_id', 'removed_at']).where('id', '=', input.evidenceId).executeTakeFirst()
            if (!e || e.case_id !== input.caseId || e.removed_at) throw new UserError('EVIDENCE_NOT_IN_CASE', '所附证据不是本案未移除的证据', 'The evidence is not an active exhibit of this case', { field: 'evidenceId' })
          }
          const row = { id: ctx.newId(), case_id: input.caseId, signed_on: input.signedOn, amount_fen: input.amountFen ?? null, evidence_id: input.evidenceId ?? null, note: input.note || null, created_by: ctx.platform.actor, created_at: ctx.nowIso() }
          await trx.insertInto('acknowledgements').values(row).execute()
          await audit(trx, 'acknowledgement', row.id, 'create', row)
          await afterWrite(trx, input.caseId)
          return ackView(row)
        })
      },
      async list(caseId: string): Promise<AcknowledgementView[]> {
        await assertCase(kysely, caseId)
        return (await kysely.selectFrom('acknowledgements').selectAll().where('case_id', '=', caseId).orderBy('signed_on').orderBy('id').execute()).map(ackView)
      },
    },

    /**
     * A letter's 送达回执 as a file: checked and stored by the evidence intake (kind 送达凭证), then linked to
     * the action with its delivery date. The action is checked first, so a refused call stores nothing.
     */
    async attachReceipt(input: Pick<z.output<typeof receiptInput>, 'actionId' | 'deliveredOn'>, file: IncomingFile): Promise<CollectionAction> {
      const action = await kysely.selectFrom('collection_actions').selectAll().where('id', '=', input.actionId).executeTakeFirst()
      if (!action) throw notFound('催收记录', 'Collection action', input.actionId)
      if (!DEMANDS.has(action.channel)) throw new UserError('RECEIPT_NOT_A_DEMAND', '只有信函、律师函、短信或邮件才有送达回执', 'Only a letter, lawyer’s letter, SMS or e-mail has a delivery receipt', { field: 'actionId' })
      const deliveredOn = input.deliveredOn ?? action.delivered_on
      if (!deliveredOn) throw new UserError('DELIVERY_DATE_MISSING', '请填写回执上的送达日期', 'Enter the delivery date shown on the receipt', { field: 'deliveredOn' })
      if (deliveredOn > ctx.today()) throw new UserError('DATE_IN_FUTURE', `送达日期 ${deliveredOn} 晚于今天`, `The delivery date ${deliveredOn} is after today`, { field: 'deliveredOn' })
      if (deliveredOn < action.at.slice(0, 10)) throw new UserError('DELIVERY_BEFORE_SENDING', `送达日期 ${deliveredOn} 早于寄出日期`, `The delivery date ${deliveredOn} is before the letter was sent`, { field: 'deliveredOn' })
      const r = await addEvidenceFiles(ctx, { caseId: action.case_id, kind: 'delivery_proof', name: `送达回执（${action.tracking_no ?? deliveredOn}）`, purpose: '证明催收通知已送达借款人，诉讼时效中断', receivedOn: deliveredOn }, [file])
      if (!r.added.length) {
        const why = r.rejected[0]
        throw new UserError(why.code, why.message, why.messageEn, { field: 'dataBase64' })
      }
      const evidenceId = r.added[0].id
      return kysely.transaction().execute(async (trx) => {
        await trx.updateTable('collection_actions').set({ proof_evidence_id: evidenceId, delivered_on: deliveredOn }).where('id', '=', action.id).execute()
        await audit(trx, 'collection_action', action.id, 'receipt', { evidenceId, deliveredOn: [action.delivered_on, deliveredOn] })
        await afterWrite(trx, action.case_id)
        return actionView(await trx.selectFrom('collection_actions').selectAll().where('id', '=', action.id).executeTakeFirstOrThrow())
      })
    },

    paymentOrder: {
      async get(caseId: string): Promise<PaymentOrderAdvice> {
        await assertCase(kysely, caseId)
        const row = await kysely.selectFrom('payment_order_facts').select('facts_json').where('case_id', '=', caseId).executeTakeFirst()
        return advice(kysely, caseId, row ? (JSON.parse(row.facts_json) as PaymentOrderFactsView) : {})
      },
      async set({ caseId, ...facts }: z.output<typeof paymentOrderFactsInput>): Promise<PaymentOrderAdvice> {
        await kysely.transaction().execute(async (trx) => {
          await assertCase(trx, caseId)
          const before = await trx.selectFrom('payment_order_facts').select('facts_json').where('case_id', '=', caseId).executeTakeFirst()
          const row = { case_id: caseId, facts_json: JSON.stringify(facts), updated_by: ctx.platform.actor, updated_at: ctx.nowIso() }
          await trx.insertInto('payment_order_facts').values(row).onConflict((oc) => oc.column('case_id').doUpdateSet(row)).execute()
          await audit(trx, 'case', caseId, 'payment_order_facts', { before: before ? JSON.parse(before.facts_json) : null, after: facts })
        })
        return this.get(caseId)
      },
    },
  }
}

/** The 支付令 verdict: the lawyer's facts, plus what the store knows (a money claim; pre-suit preservation applied). */
async function advice(ex: Executor, caseId: string, facts: PaymentOrderFactsView): Promise<PaymentOrderAdvice> {
  const events = await ex.selectFrom('court_events').select(['kind', 'date']).where('case_id', '=', caseId).where('kind', 'in', ['preservation', 'filing']).execute()
  const kase = await ex.selectFrom('cases').select('filing_date').where('id', '=', caseId).executeTakeFirstOrThrow()
  const filed = [kase.filing_date, ...events.filter((e) => e.kind === 'filing').map((e) => e.date)].filter((d): d is string => !!d).sort()[0]
  const preSuit = events.some((e) => e.kind === 'preservation' && (!filed || e.date < filed))
  const h = paymentOrderHint({ ...facts, moneyClaim: true, preSuitPreservationApplied: preSuit })
  return { facts, verdict: h.verdict, conditions: h.conditions, note: h.note, noteEn: h.noteEn }
}

/** Known asset kinds per case, for the recovery score. */
export async function assetKindsOf(ex: Executor, caseIds: readonly string[]): Promise<Map<string, KnownAssetView['kind'][]>> {
  const out = new Map<string, KnownAssetView['kind'][]>()
  if (!caseIds.length) return out
  for (const r of await ex.selectFrom('known_assets').select(['case_id', 'kind']).where('case_id', 'in', caseIds).execute())
    (out.get(r.case_id) ?? out.set(r.case_id, []).get(r.case_id)!).push(r.kind as KnownAssetView['kind'])
  return out
}
