import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { limitationForCases } from '../../electron/core/collection/limitation-inputs'
import { storedLimitation, type LoanLimitationNow } from '../../electron/core/collection/limitation-store'
import { ruleSources } from '../../electron/core/collection/rules-source'
import { call, makeCore } from '../helpers/core'

/**
 * The stored limitation (migration 0008's `loan_limitation`, read by the work queue) must equal a fresh
 * computation by the engine: after seeding, after writes through every door (services, raw SQL like the
 * importer's), and on later days, including an input dated in the future that becomes due.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
const TODAY = '2026-11-28'

beforeAll(async () => {
  core = await makeCore()
  await core.services.seed(300, 8)
})
afterAll(() => core.close())

const sources = () => ruleSources(core.ctx)
const kysely = () => core.ctx.db.kysely
const openCaseIds = () => (core.ctx.db.raw.prepare(`SELECT id FROM cases WHERE stage != 'closed' ORDER BY id`).all() as { id: string }[]).map((r) => r.id)
const sortRows = (xs: LoanLimitationNow[]) => [...xs].sort((a, b) => (a.caseId + a.loanId < b.caseId + b.loanId ? -1 : 1))

async function fresh(today: string): Promise<LoanLimitationNow[]> {
  const out: LoanLimitationNow[] = []
  for (const [caseId, loans] of await limitationForCases(kysely(), openCaseIds(), today, sources().calendar()))
    for (const l of loans) out.push({ caseId, loanId: l.loanId, contractNo: l.contractNo, state: l.state, expiry: l.expiry, daysLeft: l.daysLeft })
  return sortRows(out)
}
const stored = async (today: string) => sortRows(await storedLimitation(kysely(), today, sources().calendar(), sources().calendarKey()))
const storedRows = () => core.ctx.db.raw.prepare(`SELECT * FROM loan_limitation ORDER BY case_id, loan_id`).all() as { case_id: string; loan_id: string; computed_on: string; valid_until: string | null }[]

describe('stored limitation', () => {
  it('equals a fresh computation after seeding, and the second read recomputes nothing', async () => {
    const want = await fresh(TODAY)
    expect(want.length).toBeGreaterThan(250)
    expect(await stored(TODAY)).toEqual(want)
    const rows = storedRows()
    expect(rows.length).toBe(want.length)
    core.ctx.db.raw.prepare(`UPDATE loan_limitation SET computed_on = '2026-11-27'`).run() // a marker: a recompute would reset it
    expect(await stored(TODAY)).toEqual(want)
    expect(storedRows().every((r) => r.computed_on === '2026-11-27')).toBe(true)
  })

  it('a write through any door drops the rows it touches; the next read equals the engine again', async () => {
    // Cases whose only loan fell due before 2026, so a new event restarts (or holds) its period.
    const [a, b, c, d] = (core.ctx.db.raw.prepare(`SELECT cl.case_id FROM case_loans cl JOIN cases c ON c.id = cl.case_id WHERE c.stage != 'closed'
      GROUP BY cl.case_id HAVING count(*) = 1 AND (SELECT max(due_date) FROM schedule_items s WHERE s.loan_id = min(cl.loan_id)) < '2026-01-01' ORDER BY cl.case_id LIMIT 4`).all() as { case_id: string }[]).map((r) => r.case_id)
    expect(d).toBeDefined()
    const loanOf = (caseId: string) => (core.ctx.db.raw.prepare(`SELECT loan_id FROM case_loans WHERE case_id = ?`).get(caseId) as { loan_id: string }).loan_id
    await stored(TODAY)
    // A repayment written as the importer writes it (raw SQL), a delivered letter, a filing and a signed acknowledgement.
    core.ctx.db.raw.prepare(`INSERT INTO repayments (id, loan_id, date, amount_fen, principal_fen, source, reference, created_at) VALUES ('rp-test', ?, '2026-10-01', 5000, NULL, 'test', NULL, '2026-10-01T00:00:00.000Z')`).run(loanOf(a))
    await call(core, 'actions.add', { caseId: b, channel: 'letter', target: 'borrower', at: '2026-11-20T10:00:00+08:00', trackingNo: 'EA123456789CN', deliveredOn: '2026-11-22' })
    await call(core, 'litigation.addEvent', { caseId: c, kind: 'filing', date: '2026-11-25' })
    core.ctx.db.raw.prepare(`INSERT INTO acknowledgements (id, case_id, signed_on, amount_fen, evidence_id, note, created_by, created_at) VALUES ('ack-test', ?, '2026-11-26', NULL, NULL, NULL, 't', '2026-11-26T00:00:00.000Z')`).run(d)
    const left = new Set(storedRows().map((r) => r.case_id))
    for (const id of [a, b, c, d]) expect(left.has(id)).toBe(false)
    const want = await fresh(TODAY)
    const got = await stored(TODAY)
    expect(got).toEqual(want)
    const byCase = (id: string) => got.filter((g) => g.caseId === id)
    expect(byCase(c).every((g) => g.state === 'suspended_by_proceedings')).toBe(true)
    expect(byCase(d).every((g) => g.state === 'running' && g.expiry === '2029-11-26')).toBe(true)
  })

  it('an input dated after today holds the row only until that day; later days equal the engine', async () => {
    const [, , , , e] = openCaseIds()
    const loan = (core.ctx.db.raw.prepare(`SELECT loan_id FROM case_loans WHERE case_id = ?`).get(e) as { loan_id: string }).loan_id
    core.ctx.db.raw.prepare(`INSERT INTO repayments (id, loan_id, date, amount_fen, principal_fen, source, reference, created_at) VALUES ('rp-future', ?, '2027-01-05', 5000, NULL, 'test', NULL, '2026-11-28T00:00:00.000Z')`).run(loan)
    expect(await stored(TODAY)).toEqual(await fresh(TODAY))
    expect(storedRows().find((r) => r.loan_id === loan)!.valid_until).toBe('2027-01-05')
    for (const day of ['2027-01-04', '2027-01-05', '2028-06-30', '2030-02-01']) expect(await stored(day)).toEqual(await fresh(day))
    expect((await stored('2029-12-01')).find((r) => r.loanId === loan)!.expiry).toBe('2030-01-05') // 3 years from the payment (2030 is not in the calendar yet: no roll)
    expect((await stored('2029-12-01')).some((r) => r.state === 'expired')).toBe(true)
  })
})
