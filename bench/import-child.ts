import Database from 'better-sqlite3'
import { join } from 'node:path'
import { proposeMapping, resolveMapping } from '../electron/core/import/mapping'
import { readHeader, readRows } from '../electron/core/import/read-rows'
import { toStoredRow, type StoredRow } from '../electron/core/import/store-row'
import type { NormalizedRow } from '../electron/core/import/types'
import { validateRow } from '../electron/core/import/validate-row'
import { openCore } from '../electron/core/services'
import { INSERT_SEARCH_ROWS_SQL } from '../electron/core/cases/search'

/**
 * The import benchmark's anchor, in a process of its own (run by import.bench.ts; the import itself runs
 * through the CLI: import-cli-child.mjs): the same rows parsed and normalised beforehand (not timed), then
 * inserted with minimal prepared statements into the same tables, in transactions of the import's size.
 * Prints one JSON line.
 * Mode `floor` writes the same rows with the same statements into bare copies of those tables in a store of
 * their own: the same columns, no keys, indexes, constraints, triggers or full-text index. It is what writing
 * this many rows costs on this machine before the schema costs anything.
 */
const [dataDir, file, mode = 'anchor'] = process.argv.slice(2)
const LENDER = '示例小额贷款有限公司'
const core = await openCore({ dataDir, resourcesDir: 'resources', version: 'bench', actor: 'bench' })

async function runAnchor() {
  const { headers } = await readHeader(file)
  const mapping = resolveMapping(proposeMapping(headers), headers, true)
  const today = core.ctx.today()
  const defaults = { lenderName: LENDER, dayBasis: 360 as const, today }
  const parsed: { row: number; v: NormalizedRow; s: StoredRow }[] = []
  for await (const r of readRows(file)) {
    const v = validateRow(r, mapping, defaults)
    if (!v.ok) throw new Error('bad row')
    const s = toStoredRow(v.value, r.rowNumber, today, 360, () => '')
    if (!s.ok) throw new Error('bad row')
    parsed.push({ row: r.rowNumber, v: v.value, s: s.value })
  }
  const raw = mode === 'floor' ? bareStore(core.db.raw, join(dataDir, 'floor.sqlite')) : core.db.raw
  raw.pragma('cache_size = -65536') // as the import does
  raw.pragma('temp_store = MEMORY')
  const now = core.ctx.nowIso()
  const id = core.ctx.newId
  const p = (sql: string) => raw.prepare(sql)
  const st = {
    borrower: p('INSERT INTO borrowers (id, name, id_number, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    phone: p(`INSERT INTO borrower_phones (borrower_id, seq, phone, kind, is_primary) VALUES (?, 1, ?, 'mobile', 1)`),
    address: p(`INSERT INTO borrower_addresses (borrower_id, seq, kind, address) VALUES (?, 1, 'hukou', ?)`),
    loan: p(`INSERT INTO loans (id, lender_id, borrower_id, contract_no, contract_date, contract_amount_fen, disbursed_amount_fen, disbursement_date, maturity_date, repayment_method, rate_term, rate_overdue, day_basis, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    disb: p('INSERT INTO disbursements (id, loan_id, date, amount_fen) VALUES (?, ?, ?, ?)'),
    sched: p('INSERT INTO schedule_items (loan_id, seq, due_date, principal_fen) VALUES (?, 1, ?, ?)'),
    rep: p(`INSERT INTO repayments (id, loan_id, date, amount_fen, principal_fen, source, created_at) VALUES (?, ?, ?, ?, ?, 'import-summary', ?)`),
    kase: p(`INSERT INTO cases (id, case_no, borrower_id, lender_id, stage, opened_on, overdue_since, principal_outstanding_fen, repaid_fen, created_at, updated_at) VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?)`),
    cl: p('INSERT INTO case_loans (case_id, loan_id) VALUES (?, ?)'),
    stage: p(`INSERT INTO stage_history (id, case_id, to_stage, at, actor) VALUES (?, ?, 'new', ?, 'bench')`),
    facts: p(`INSERT INTO import_loan_facts (loan_id, created_run_id, source_row, row_digest, rate_original, overdue_rate_original, repayment_method_original, due_date, instalments, principal_repaid_fen, interest_repaid_fen, days_past_due_reported) VALUES (?, 'anchor', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    // The batch's search rows in one statement at its end, as the import writes them (INSERT_SEARCH_ROWS_SQL says why).
    search: p(INSERT_SEARCH_ROWS_SQL),
  }
  const lender = id()
  raw.prepare(`INSERT INTO lenders (id, name, regime, created_at, updated_at) VALUES (?, ?, 'licensed', ?, ?)`).run(lender, LENDER, now, now)
  const borrowers = new Map<string, string>()
  let n = 0
  const batch = raw.transaction((rows: typeof parsed) => {
    const search: string[][] = []
    for (const { row, v, s } of rows) {
      let b = borrowers.get(v.borrower.idNumber)
      if (!b) {
        b = id()
        borrowers.set(v.borrower.idNumber, b)
        st.borrower.run(b, v.borrower.name, v.borrower.idNumber, now, now)
        if (v.borrower.phone) st.phone.run(b, v.borrower.phone)
        if (v.borrower.address) st.address.run(b, v.borrower.address)
      }
      const loan = id()
      const l = s.loan
      st.loan.run(loan, lender, b, v.loan.contractNo, l.contract_date, l.contract_amount_fen, l.disbursed_amount_fen, l.disbursement_date, l.maturity_date, l.repayment_method, l.rate_term, l.rate_overdue, l.day_basis, now, now)
      st.disb.run(id(), loan, l.disbursement_date, l.disbursed_amount_fen)
      if (s.schedule) st.sched.run(loan, s.schedule.dueDate, s.schedule.principalFen)
      if (s.repayment) st.rep.run(id(), loan, s.repayment.date, s.repayment.amountFen, s.repayment.principalFen, now)
      const f = s.facts
      st.facts.run(loan, row, s.digest, f.rate_original, f.overdue_rate_original, f.repayment_method_original, f.due_date, f.instalments, f.principal_repaid_fen, f.interest_repaid_fen, f.days_past_due_reported)
      const c = id()
      const caseNo = `AJ-${today.slice(0, 4)}-${String(++n).padStart(6, '0')}`
      st.kase.run(c, caseNo, b, lender, today, s.figures.overdueSince, s.figures.principalOutstandingFen, s.figures.repaidFen, now, now)
      st.cl.run(c, loan)
      st.stage.run(id(), c, now)
      search.push([c, caseNo, v.borrower.name, v.borrower.idNumber, v.borrower.phone ?? '', v.loan.contractNo])
    }
    st.search.run(JSON.stringify(search))
  })
  const { BATCH_ROWS } = await import('../electron/core/import/run')
  const cpu = process.cpuUsage()
  const t = performance.now()
  for (let i = 0; i < parsed.length; i += BATCH_ROWS) batch(parsed.slice(i, i + BATCH_ROWS))
  const ms = performance.now() - t
  const c = process.cpuUsage(cpu)
  if (raw !== core.db.raw) raw.close()
  return { ms, cpuMs: (c.user + c.system) / 1000, read: parsed.length }
}

/** Tables the anchor writes, copied column for column from the real store into a new file, bare. */
function bareStore(real: Database.Database, file: string): Database.Database {
  const tables = ['lenders', 'borrowers', 'borrower_phones', 'borrower_addresses', 'loans', 'disbursements', 'schedule_items', 'repayments', 'import_loan_facts', 'cases', 'case_loans', 'stage_history', 'case_search']
  const bare = new Database(file)
  bare.pragma('journal_mode = WAL')
  bare.pragma('synchronous = NORMAL')
  for (const t of tables) {
    const cols = real.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]
    bare.exec(`CREATE TABLE ${t} (${cols.join(', ')})`)
  }
  return bare
}

const result = await runAnchor()
await core.close()
process.stdout.write(JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n')
