import type { z } from 'zod'
import type { promiseInput, PromiseView } from '../../../shared/domain/collection'
import { appendAudit, type Executor } from '../audit/log'
import type { CoreContext } from '../context'
import { notFound, UserError } from '../errors'
import { chinaDate } from './limitation-inputs'
import { matchPromises, type PromiseStatus } from './matching'

/** Repayments on the loans of these cases, by case. */
export async function repaymentsByCase(ex: Executor, caseIds: readonly string[]): Promise<Map<string, { date: string; amountFen: number }[]>> {
  const out = new Map<string, { date: string; amountFen: number }[]>()
  if (!caseIds.length) return out
  const rows = await ex
    .selectFrom('repayments as r')
    .innerJoin('case_loans as cl', 'cl.loan_id', 'r.loan_id')
    .select(['cl.case_id', 'r.date', 'r.amount_fen'])
    .where('cl.case_id', 'in', caseIds as string[])
    .execute()
  for (const r of rows) (out.get(r.case_id) ?? out.set(r.case_id, []).get(r.case_id)!).push({ date: r.date, amountFen: r.amount_fen })
  return out
}

/**
 * Match the promises of these cases against their repayments and store any status that changed (with an
 * audit entry). Called whenever promises are read, so a repayment recorded anywhere is reflected.
 */
export async function refreshPromises(ex: Executor, caseIds: readonly string[], today: string, audit: { actor: string; at: string }): Promise<void> {
  if (!caseIds.length) return
  const promises = await ex.selectFrom('promises').selectAll().where('case_id', 'in', caseIds as string[]).execute()
  if (!promises.length) return
  const payments = await repaymentsByCase(ex, [...new Set(promises.map((p) => p.case_id))])
  const grouped = new Map<string, typeof promises>()
  for (const p of promises) (grouped.get(p.case_id) ?? grouped.set(p.case_id, []).get(p.case_id)!).push(p)
  for (const [caseId, list] of grouped) {
    const matched = matchPromises(list.map((p) => ({ id: p.id, amountFen: p.amount_fen, createdOn: chinaDate(p.created_at), dueDate: p.due_date })), payments.get(caseId) ?? [], today)
    for (const m of matched) {
      const p = list.find((x) => x.id === m.id)!
      if (p.status === m.status && p.kept_fen === m.keptFen) continue
      await ex.updateTable('promises').set({ status: m.status, kept_fen: m.keptFen }).where('id', '=', p.id).execute()
      await appendAudit(ex, { ...audit, entity: 'promise', entityId: p.id, action: 'match', diff: { status: [p.status, m.status], kept_fen: [p.kept_fen, m.keptFen] } })
    }
  }
}

const view = (p: { id: string; case_id: string; amount_fen: number; due_date: string; status: string; kept_fen: number; created_at: string }): PromiseView => ({
  id: p.id, caseId: p.case_id, amountFen: p.amount_fen, dueDate: p.due_date, status: p.status as PromiseStatus, keptFen: p.kept_fen, createdOn: chinaDate(p.created_at),
})

/** Promises to pay (承诺还款): recorded with an amount and a date, then kept / partly kept / broken by the repayments that follow. */
export function promiseService(ctx: CoreContext) {
  const { kysely } = ctx.db
  const audit = () => ({ actor: ctx.platform.actor, at: ctx.nowIso() })
  return {
    async add(input: z.output<typeof promiseInput>): Promise<PromiseView> {
      return kysely.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('cases').select('id').where('id', '=', input.caseId).executeTakeFirst())) throw notFound('案件', 'Case', input.caseId)
        if (input.dueDate < ctx.today()) {
          throw new UserError('PROMISE_DATE_PAST', `承诺还款日期 ${input.dueDate} 早于今天`, `The promised date ${input.dueDate} is before today`, { field: 'dueDate' })
        }
        if (input.actionId && !(await trx.selectFrom('collection_actions').select('id').where('id', '=', input.actionId).where('case_id', '=', input.caseId).executeTakeFirst())) {
          throw notFound('催收记录', 'Collection action', input.actionId)
        }
        const row = { id: ctx.newId(), case_id: input.caseId, action_id: input.actionId ?? null, amount_fen: input.amountFen, due_date: input.dueDate, status: 'open', kept_fen: 0, created_at: ctx.nowIso() }
        await trx.insertInto('promises').values(row).execute()
        await appendAudit(trx, { ...audit(), entity: 'promise', entityId: row.id, action: 'create', diff: row })
        return view(row)
      })
    },

    async list(caseId: string): Promise<PromiseView[]> {
      return kysely.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst())) throw notFound('案件', 'Case', caseId)
        await refreshPromises(trx, [caseId], ctx.today(), audit())
        const rows = await trx.selectFrom('promises').selectAll().where('case_id', '=', caseId).orderBy('due_date', 'desc').execute()
        return rows.map(view)
      })
    },
  }
}
