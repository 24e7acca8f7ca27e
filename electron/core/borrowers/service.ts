import type { z } from 'zod'
import type { Borrower, Revealed, borrowerInput } from '../../../shared/domain/borrower'
import { appendAudit, diffRecords, type Executor } from '../audit/log'
import type { CoreContext } from '../context'
import type { BorrowersTable } from '../db/schema'
import { notFound, UserError } from '../errors'
import { maskIdNumber, normalizeIdNumber, validateIdNumber } from '../law/id-number'
import { refreshCaseSearchForBorrower } from '../cases/search'
import { maskPhone, normalizePhone } from './mask'

type BorrowerFields = z.output<typeof borrowerInput>

const ID_REASONS = {
  length: ['应为 18 位', 'must be 18 characters'],
  format: ['前 17 位须为数字，末位为数字或 X', 'must be 17 digits followed by a digit or X'],
  bad_birth_date: ['出生日期不是真实日期或晚于今天', 'the birth date is not a real date or is in the future'],
  bad_check_digit: ['校验位错误', 'the check digit is wrong'],
} as const

/** Validate and normalise an ID number, or throw a UserError naming the field. */
export function checkIdNumber(value: string | undefined, today: string, field = 'idNumber'): { idNumber: string | null; sex: 'male' | 'female' | null; birthDate: string | null } {
  if (!value) return { idNumber: null, sex: null, birthDate: null }
  const r = validateIdNumber(value, today)
  if (!r.valid) {
    const [zh, en] = ID_REASONS[r.reason!]
    throw new UserError('INVALID_ID_NUMBER', `身份证号码无效：${zh}`, `Invalid ID number: ${en}`, { field, details: { reason: r.reason } })
  }
  return { idNumber: normalizeIdNumber(value), sex: r.sex, birthDate: r.birthDate }
}

async function loadBorrower(ex: Executor, id: string): Promise<Borrower> {
  const row = await ex.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('借款人', 'Borrower', id)
  const phones = await ex.selectFrom('borrower_phones').selectAll().where('borrower_id', '=', id).orderBy('seq').execute()
  const addresses = await ex.selectFrom('borrower_addresses').selectAll().where('borrower_id', '=', id).orderBy('seq').execute()
  return {
    id: row.id, name: row.name, idNumberMasked: row.id_number ? maskIdNumber(row.id_number) : null, sex: row.sex, birthDate: row.birth_date,
    phonesMasked: phones.map((p) => ({ kind: p.kind, phone: maskPhone(p.phone), isPrimary: p.is_primary === 1 })),
    addresses: addresses.map((a) => ({ kind: a.kind, address: a.address })),
    employer: row.employer, note: row.note, createdAt: row.created_at, updatedAt: row.updated_at,
  }
}

async function writeLists(ex: Executor, borrowerId: string, input: Partial<BorrowerFields>): Promise<void> {
  if (input.phones) {
    await ex.deleteFrom('borrower_phones').where('borrower_id', '=', borrowerId).execute()
    // The primary phone goes first: lists read "the" phone as seq 1.
    const phones = [...input.phones].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))
    for (const [i, p] of phones.entries())
      await ex.insertInto('borrower_phones').values({ borrower_id: borrowerId, seq: i + 1, phone: normalizePhone(p.phone), kind: p.kind, is_primary: i === 0 ? 1 : 0 }).execute()
  }
  if (input.addresses) {
    await ex.deleteFrom('borrower_addresses').where('borrower_id', '=', borrowerId).execute()
    for (const [i, a] of input.addresses.entries()) await ex.insertInto('borrower_addresses').values({ borrower_id: borrowerId, seq: i + 1, kind: a.kind, address: a.address }).execute()
  }
}

async function assertIdNumberFree(ex: Executor, idNumber: string | null, exceptId?: string): Promise<void> {
  if (!idNumber) return
  const clash = await ex.selectFrom('borrowers').select('id').where('id_number', '=', idNumber).executeTakeFirst()
  if (clash && clash.id !== exceptId)
    throw new UserError('DUPLICATE_ID_NUMBER', '已有借款人使用该身份证号码', 'Another borrower already has this ID number', { field: 'idNumber', details: { id: clash.id } })
}

export function borrowerService(ctx: CoreContext) {
  const { kysely } = ctx.db
  const audit = (ex: Executor, entityId: string, action: string, diff: unknown) =>
    appendAudit(ex, { actor: ctx.platform.actor, at: ctx.nowIso(), entity: 'borrower', entityId, action, diff })

  return {
    async create(input: BorrowerFields): Promise<Borrower> {
      const idn = checkIdNumber(input.idNumber, ctx.today())
      const now = ctx.nowIso()
      const row: BorrowersTable = {
        id: ctx.newId(), name: input.name, id_number: idn.idNumber, sex: idn.sex, birth_date: idn.birthDate,
        employer: input.employer ?? null, note: input.note ?? null, created_at: now, updated_at: now,
      }
      return kysely.transaction().execute(async (trx) => {
        await assertIdNumberFree(trx, row.id_number)
        await trx.insertInto('borrowers').values(row).execute()
        await writeLists(trx, row.id, input)
        // The audit entry records that an ID number was set, never the number itself.
        await audit(trx, row.id, 'create', { ...diffRecords(null, { ...row, id_number: row.id_number ? maskIdNumber(row.id_number) : null }), phones: input.phones.length })
        return loadBorrower(trx, row.id)
      })
    },

    async update(id: string, patch: Partial<BorrowerFields>): Promise<Borrower> {
      return kysely.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('borrowers').selectAll().where('id', '=', id).executeTakeFirst()
        if (!before) throw notFound('借款人', 'Borrower', id)
        const idn = patch.idNumber !== undefined ? checkIdNumber(patch.idNumber, ctx.today()) : null
        const after: BorrowersTable = {
          ...before,
          ...(patch.name !== undefined && { name: patch.name }),
          ...(idn && { id_number: idn.idNumber, sex: idn.sex, birth_date: idn.birthDate }),
          ...(patch.employer !== undefined && { employer: patch.employer }),
          ...(patch.note !== undefined && { note: patch.note }),
          updated_at: ctx.nowIso(),
        }
        await assertIdNumberFree(trx, after.id_number, id)
        await trx.updateTable('borrowers').set(after).where('id', '=', id).execute()
        await writeLists(trx, id, patch)
        const masked = (r: BorrowersTable) => ({ ...r, id_number: r.id_number ? maskIdNumber(r.id_number) : null })
        await audit(trx, id, 'update', { ...diffRecords(masked(before), masked(after)), ...(before.id_number !== after.id_number && { id_number_changed: true }), ...(patch.phones && { phones_replaced: patch.phones.length }) })
        await refreshCaseSearchForBorrower(trx, id)
        return loadBorrower(trx, id)
      })
    },

    async get(id: string): Promise<Borrower> {
      return loadBorrower(kysely, id)
    },

    /** Unmasked data is personal information (个人信息保护法): every reveal is logged with who and when. */
    async reveal(id: string, field: 'idNumber' | 'phones'): Promise<Revealed> {
      return kysely.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('borrowers').select(['id', 'id_number']).where('id', '=', id).executeTakeFirst()
        if (!row) throw notFound('借款人', 'Borrower', id)
        await audit(trx, id, 'reveal', { field })
        if (field === 'idNumber') return { idNumber: row.id_number }
        const phones = await trx.selectFrom('borrower_phones').select('phone').where('borrower_id', '=', id).orderBy('seq').execute()
        return { phones: phones.map((p) => p.phone) }
      })
    },
  }
}
