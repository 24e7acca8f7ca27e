import { idCheckChar } from '../../electron/core/law/id-number'
import { call, makeCore } from './core'

type Core = Awaited<ReturnType<typeof makeCore>>

/**
 * A hand-counted book for the report tests (today is 2026-11-28, every case opened today). Each case is one
 * bullet loan whose single instalment fell due on `due`, so overdue_since = due and days past due are exact:
 * the bucket edges 30/31, 60/61, 90/91 and 180/181 days are all here. Cases go in through the channels.
 */
export const BOOK = [
  { key: 'c1', lender: 'A', owner: '张律师', due: '2026-10-29', fen: 100_000 }, // 30 days: M1
  { key: 'c2', lender: 'A', owner: '张律师', due: '2026-10-28', fen: 200_000 }, // 31 days: M2
  { key: 'c3', lender: 'A', owner: '李律师', due: '2026-09-29', fen: 300_000 }, // 60 days: M2
  { key: 'c4', lender: 'B', owner: '李律师', due: '2026-09-28', fen: 400_000 }, // 61 days: M3
  { key: 'c5', lender: 'B', owner: '张律师', due: '2026-08-30', fen: 500_000 }, // 90 days: M3
  { key: 'c6', lender: 'B', owner: '李律师', due: '2026-08-29', fen: 600_000 }, // 91 days: M4-M6
  { key: 'c7', lender: 'A', owner: '张律师', due: '2026-05-31', fen: 700_000 }, // 181 days: M6+
  { key: 'c8', lender: 'A', owner: undefined, due: '2026-12-28', fen: 800_000 }, // not yet due: current
  { key: 'c9', lender: 'A', owner: '张律师', due: '2023-12-10', fen: 900_000 }, // limitation ends 2026-12-10: 12 days
  { key: 'c10', lender: 'B', owner: '李律师', due: '2024-02-20', fen: 1_000_000 }, // limitation ends 2027-02-20: 84 days (2027 holidays unknown)
  { key: 'c11', lender: 'B', owner: '李律师', due: '2023-06-01', fen: 1_100_000 }, // expired 2026-06-01 but a payment on 2023-12-15 restarted it: ends 2026-12-15, 17 days
] as const

export type Book = { lenders: { A: string; B: string }; cases: Record<string, string>; loans: Record<string, string>; caseNos: Record<string, string> }

const idFor = (body17: string) => body17 + idCheckChar(body17)

export async function seedBook(core: Core): Promise<Book> {
  const A = (await call(core, 'lenders.create', { name: '杭州信达小额贷款有限公司', regime: 'licensed' })).id
  const B = (await call(core, 'lenders.create', { name: '上海汇融商务咨询有限公司', regime: 'private' })).id
  const book: Book = { lenders: { A, B }, cases: {}, loans: {}, caseNos: {} }
  for (const [i, c] of BOOK.entries()) {
    const borrower = await call(core, 'borrowers.create', {
      name: `借款人${i + 1}`, idNumber: idFor(`33010619880312${String(i + 100)}`), phones: [{ phone: `1380013${String(8000 + i)}` }],
    })
    const lenderId = c.lender === 'A' ? A : B
    const contractDate = c.due < '2026-01-01' ? '2023-01-05' : '2026-01-05'
    const loan = await call(core, 'loans.create', {
      lenderId, borrowerId: borrower.id, contractNo: `HT-${c.key}`, contractDate, contractAmountFen: c.fen, disbursedAmountFen: c.fen,
      disbursementDate: contractDate, repaymentMethod: 'bullet', rateTerm: '0.12', schedule: [{ dueDate: c.due, principalFen: c.fen }],
    })
    const kase = await call(core, 'cases.create', { borrowerId: borrower.id, lenderId, loanIds: [loan.id], ...(c.owner && { owner: c.owner }) })
    book.cases[c.key] = kase.id
    book.loans[c.key] = loan.id
    book.caseNos[c.key] = kase.caseNo
  }
  // Money back on c1 today (after it was placed: a recovery) and on c2 before it was placed (not ours).
  await call(core, 'loans.addRepayment', { loanId: book.loans.c1, repayment: { date: '2026-11-28', amountFen: 30_000, principalFen: 30_000 } })
  await call(core, 'loans.addRepayment', { loanId: book.loans.c2, repayment: { date: '2026-10-15', amountFen: 5_000, principalFen: 5_000 } })
  // The partial payment that restarted c11's limitation period.
  await call(core, 'loans.addRepayment', { loanId: book.loans.c11, repayment: { date: '2023-12-15', amountFen: 10_000, principalFen: 10_000 } })

  // Promises with settled statuses, actions at exact instants around Monday 00:00 and a stage move at a
  // known time are written as rows (the shape the collection and stage services store), so the expected
  // figures do not depend on those services' own rules.
  const raw = core.ctx.db.raw
  const promise = raw.prepare(`INSERT INTO promises (id, case_id, amount_fen, due_date, status, kept_fen, created_at) VALUES (?, ?, ?, ?, ?, ?, '2026-11-01T00:00:00.000Z')`)
  promise.run('P1', book.cases.c1, 10_000, '2026-11-10', 'kept', 10_000)
  promise.run('P2', book.cases.c1, 20_000, '2026-11-20', 'broken', 0)
  promise.run('P3', book.cases.c3, 40_000, '2026-11-05', 'partly_kept', 15_000)
  promise.run('P4', book.cases.c3, 50_000, '2026-11-30', 'open', 0) // not due yet
  promise.run('P5', book.cases.c4, 60_000, '2025-10-01', 'kept', 60_000) // before the period
  const action = raw.prepare(`INSERT INTO collection_actions (id, case_id, channel, target, at, actor, created_at) VALUES (?, ?, 'phone', 'borrower', ?, 'tester', ?)`)
  action.run('A1', book.cases.c1, '2026-11-23T01:00:00.000Z', '2026-11-23T01:00:00.000Z') // Monday 09:00 in Beijing: this week
  action.run('A2', book.cases.c1, '2026-11-22T15:00:00.000Z', '2026-11-22T15:00:00.000Z') // Sunday 23:00 in Beijing: last week
  action.run('A3', book.cases.c4, '2026-11-27T02:00:00.000Z', '2026-11-27T02:00:00.000Z')
  raw.prepare(`UPDATE cases SET stage = 'collection' WHERE id = ?`).run(book.cases.c4)
  raw.prepare(`INSERT INTO stage_history (id, case_id, from_stage, to_stage, at, actor) VALUES ('S1', ?, 'new', 'collection', '2026-11-28T03:00:00.000Z', 'tester')`).run(book.cases.c4)
  return book
}
