import type { z } from 'zod'
import type { Lender } from '../../../shared/domain/lender'
import type { lenderInput } from '../../../shared/domain/lender'
import { appendAudit, diffRecords, type Executor } from '../audit/log'
import type { CoreContext } from '../context'
import type { LendersTable } from '../db/schema'
import { notFound, UserError } from '../errors'
import { validateCreditCode } from '../law/credit-code'

type LenderFields = z.output<typeof lenderInput>

export function toLender(r: LendersTable): Lender {
  return {
    id: r.id, name: r.name, creditCode: r.credit_code, regime: r.regime, address: r.address,
    legalRep: r.legal_rep, phone: r.phone, createdAt: r.created_at, updatedAt: r.updated_at,
  }
}

function checkCreditCode(code: string | undefined): string | null {
  if (!code) return null
  const c = code.toUpperCase()
  const r = validateCreditCode(c)
  if (!r.valid) {
    const why = { length: ['长度应为 18 位', 'must be 18 characters'], illegal_character: ['含有不允许的字符（不含 I、O、S、V、Z）', 'contains a character outside the GB 32100 set (no I, O, S, V, Z)'], bad_check_character: ['校验码错误', 'wrong check character'] }[r.reason!]
    throw new UserError('INVALID_CREDIT_CODE', `统一社会信用代码无效：${why[0]}`, `Invalid unified social credit code: ${why[1]}`, { field: 'creditCode' })
  }
  return c
}

export async function getLenderRow(ex: Executor, id: string): Promise<LendersTable> {
  const row = await ex.selectFrom('lenders').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('出借人', 'Lender', id)
  return row
}

export function lenderService(ctx: CoreContext) {
  const { kysely } = ctx.db
  return {
    async create(input: LenderFields): Promise<Lender> {
      const now = ctx.nowIso()
      const row: LendersTable = {
        id: ctx.newId(), name: input.name, credit_code: checkCreditCode(input.creditCode), regime: input.regime,
        address: input.address ?? null, legal_rep: input.legalRep ?? null, phone: input.phone ?? null, created_at: now, updated_at: now,
      }
      return kysely.transaction().execute(async (trx) => {
        const clash = await trx.selectFrom('lenders').select('id').where((eb) => eb.or([eb('name', '=', row.name), ...(row.credit_code ? [eb('credit_code', '=', row.credit_code)] : [])])).executeTakeFirst()
        if (clash) throw new UserError('DUPLICATE_LENDER', `出借人已存在：${row.name}`, `A lender with this name or credit code already exists: ${row.name}`, { field: 'name', details: { id: clash.id } })
        await trx.insertInto('lenders').values(row).execute()
        await appendAudit(trx, { actor: ctx.platform.actor, at: now, entity: 'lender', entityId: row.id, action: 'create', diff: diffRecords(null, row) })
        return toLender(row)
      })
    },

    async update(id: string, patch: Partial<LenderFields>): Promise<Lender> {
      return kysely.transaction().execute(async (trx) => {
        const before = await getLenderRow(trx, id)
        const after: LendersTable = {
          ...before,
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.creditCode !== undefined && { credit_code: checkCreditCode(patch.creditCode) }),
          ...(patch.regime !== undefined && { regime: patch.regime }),
          ...(patch.address !== undefined && { address: patch.address }),
          ...(patch.legalRep !== undefined && { legal_rep: patch.legalRep }),
          ...(patch.phone !== undefined && { phone: patch.phone }),
          updated_at: ctx.nowIso(),
        }
        await trx.updateTable('lenders').set(after).where('id', '=', id).execute()
        await appendAudit(trx, { actor: ctx.platform.actor, at: after.updated_at, entity: 'lender', entityId: id, action: 'update', diff: diffRecords(before, after) })
        return toLender(after)
      })
    },

    async get(id: string): Promise<Lender> {
      return toLender(await getLenderRow(kysely, id))
    },

    async list(): Promise<Lender[]> {
      return (await kysely.selectFrom('lenders').selectAll().orderBy('name').execute()).map(toLender)
    },
  }
}
