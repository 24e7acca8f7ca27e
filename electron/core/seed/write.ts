import type BetterSqlite3 from 'better-sqlite3'
import { INSERT_SEARCH_ROWS_SQL } from '../cases/search'
import type { IdFactory } from '../ids'
import type { SeedCase, SeedLender } from './generate'

/**
 * Bulk writer for the seeder: raw prepared statements in large transactions, because a 100,000-case store
 * (about 1.5 million rows) must fill in seconds (bench/seed-and-list.bench.ts). It writes exactly the rows
 * the services would write for the same data, including the search index and the first stage entry.
 */
export function createSeedWriter(raw: BetterSqlite3.Database, newId: IdFactory, nowIso: string, today: string) {
  const st = {
    lender: raw.prepare(`INSERT INTO lenders (id, name, credit_code, regime, address, legal_rep, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    lenderByName: raw.prepare(`SELECT id FROM lenders WHERE name = ?`),
    borrower: raw.prepare(`INSERT INTO borrowers (id, name, id_number, sex, birth_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    phone: raw.prepare(`INSERT INTO borrower_phones (borrower_id, seq, phone, kind, is_primary) VALUES (?, ?, ?, 'mobile', ?)`),
    address: raw.prepare(`INSERT INTO borrower_addresses (borrower_id, seq, kind, address) VALUES (?, ?, ?, ?)`),
    loan: raw.prepare(`INSERT INTO loans (id, lender_id, borrower_id, contract_no, contract_date, signing_method, esign_provider, contract_amount_fen, disbursed_amount_fen,
      disbursement_date, term_months, repayment_method, rate_term, rate_overdue, penalty_rate, upfront_fee_fen, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 'electronic', 'e签宝', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    disbursement: raw.prepare(`INSERT INTO disbursements (id, loan_id, date, amount_fen) VALUES (?, ?, ?, ?)`),
    schedule: raw.prepare(`INSERT INTO schedule_items (loan_id, seq, due_date, principal_fen, interest_fen) VALUES (?, ?, ?, ?, ?)`),
    repayment: raw.prepare(`INSERT INTO repayments (id, loan_id, date, amount_fen, principal_fen, source, created_at) VALUES (?, ?, ?, ?, ?, 'seed', ?)`),
    kase: raw.prepare(`INSERT INTO cases (id, case_no, borrower_id, lender_id, stage, owner, priority, opened_on, overdue_since, principal_outstanding_fen, repaid_fen, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    caseLoan: raw.prepare(`INSERT INTO case_loans (case_id, loan_id) VALUES (?, ?)`),
    stage: raw.prepare(`INSERT INTO stage_history (id, case_id, from_stage, to_stage, at, actor, reason) VALUES (?, ?, ?, ?, ?, 'seed', NULL)`),
    search: raw.prepare(INSERT_SEARCH_ROWS_SQL),
  }

  /** Search rows of the transaction's cases, written last by flushSearch (INSERT_SEARCH_ROWS_SQL says why). */
  const search: string[][] = []

  return {
    /** Insert the lenders that are not there yet; returns every lender's id in order. */
    lenders(lenders: SeedLender[]): string[] {
      return lenders.map((l) => {
        const existing = st.lenderByName.get(l.name) as { id: string } | undefined
        if (existing) return existing.id
        const id = newId()
        st.lender.run(id, l.name, l.creditCode, l.regime, l.address, l.legalRep, nowIso, nowIso)
        return id
      })
    },

    kase(c: SeedCase, caseNo: string, contractNo: string, lenderIds: string[]): void {
      const b = c.borrower
      const borrowerId = newId()
      st.borrower.run(borrowerId, b.name, b.idNumber, b.sex, b.birthDate, nowIso, nowIso)
      b.phones.forEach((p, i) => st.phone.run(borrowerId, i + 1, p, i === 0 ? 1 : 0))
      st.address.run(borrowerId, 1, 'hukou', b.hukou)
      st.address.run(borrowerId, 2, 'residence', b.residence)
      const l = c.loan
      const loanId = newId()
      const lenderId = lenderIds[c.lenderIndex]
      st.loan.run(loanId, lenderId, borrowerId, contractNo, l.contractDate, l.contractAmountFen, l.disbursedAmountFen, l.disbursementDate, l.termMonths,
        l.method, l.rateTerm, l.rateOverdue, l.penaltyRate, l.upfrontFeeFen || null, nowIso, nowIso)
      st.disbursement.run(newId(), loanId, l.disbursementDate, l.disbursedAmountFen)
      l.schedule.forEach((s, i) => st.schedule.run(loanId, i + 1, s.dueDate, s.principalFen, s.interestFen))
      for (const p of l.repayments) st.repayment.run(newId(), loanId, p.date, p.amountFen, p.principalFen, nowIso)
      const caseId = newId()
      st.kase.run(caseId, caseNo, borrowerId, lenderId, c.stage, c.owner, c.priority, today, c.overdueSince, c.principalOutstandingFen, c.repaidFen, nowIso, nowIso)
      st.caseLoan.run(caseId, loanId)
      st.stage.run(newId(), caseId, null, 'new', nowIso)
      if (c.stage !== 'new') st.stage.run(newId(), caseId, 'new', c.stage, nowIso)
      search.push([caseId, caseNo, b.name, b.idNumber, b.phones.join(' '), contractNo])
    },

    /** Write the search rows of the cases written since the last call; call it last in each transaction. */
    flushSearch(): void {
      if (search.length > 0) st.search.run(JSON.stringify(search))
      search.length = 0
    },
  }
}
