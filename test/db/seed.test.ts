import { expect, it } from 'vitest'
import { seedCases } from '../../electron/core/seed/service'
import { validateIdNumber } from '../../electron/core/law/id-number'
import { validateCreditCode } from '../../electron/core/law/credit-code'
import { call, makeCore } from '../helpers/core'

it('seeds realistic, valid, deterministic data', async () => {
  const a = await makeCore()
  const report = await seedCases(a.ctx, 300, 7)
  expect(report.cases).toBe(300)
  const raw = a.ctx.db.raw
  expect(raw.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(300)
  expect(raw.prepare('SELECT count(*) FROM case_search').pluck().get()).toBe(300)
  for (const id of raw.prepare('SELECT id_number FROM borrowers').pluck().all() as string[]) expect(validateIdNumber(id, '2026-11-28').valid).toBe(true)
  const lenders = raw.prepare('SELECT credit_code, regime FROM lenders').all() as { credit_code: string; regime: string }[]
  expect(new Set(lenders.map((l) => l.regime))).toEqual(new Set(['private', 'licensed']))
  for (const l of lenders) expect(validateCreditCode(l.credit_code).valid).toBe(true)
  // A spread of stages, days past due, bullet and instalment loans, partial repayments
  expect((raw.prepare('SELECT count(DISTINCT stage) FROM cases').pluck().get() as number)).toBeGreaterThanOrEqual(5)
  expect(raw.prepare(`SELECT count(DISTINCT repayment_method) FROM loans`).pluck().get()).toBe(2)
  expect(raw.prepare(`SELECT count(*) FROM loans WHERE disbursed_amount_fen < contract_amount_fen`).pluck().get()).toBeGreaterThan(20)
  const list = await call(a, 'cases.list', { sort: 'dpd_desc', limit: 500 })
  const dpds = list.rows.map((r: { daysPastDue: number }) => r.daysPastDue)
  expect(Math.max(...dpds)).toBeGreaterThan(180)
  expect(dpds.filter((d: number) => d > 0 && d <= 30).length).toBeGreaterThan(0)
  // The integrity of what the seeder wrote, by the same checks `db check` runs
  expect((await call(a, 'db.check')).ok).toBe(true)

  // Same seed, same date → identical content, ids included
  const b = await makeCore()
  await seedCases(b.ctx, 300, 7)
  const dump = (c: typeof a) => c.ctx.db.raw.prepare('SELECT id, case_no, borrower_id, stage, overdue_since, principal_outstanding_fen FROM cases ORDER BY id').all()
  expect(dump(b)).toEqual(dump(a))
  await a.close()
  await b.close()
})
