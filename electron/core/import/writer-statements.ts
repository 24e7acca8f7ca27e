import type BetterSqlite3 from 'better-sqlite3'
import { INSERT_SEARCH_ROWS_SQL } from '../cases/search'

/**
 * The import writer's prepared statements: raw better-sqlite3, as in the seeder (seed/write.ts), because
 * 100,000 rows must store in seconds. They write exactly the rows the services write for the same data.
 */
export function prepareImportStatements(raw: BetterSqlite3.Database) {
  const p = (sql: string) => raw.prepare(sql)
  return {
    lenderByName: p('SELECT id FROM lenders WHERE name = ?').pluck(),
    lenderByCreditCode: p('SELECT name FROM lenders WHERE credit_code = ?').pluck(),
    lender: p('INSERT INTO lenders (id, name, credit_code, regime, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
    borrowerByIdNumber: p('SELECT id, name FROM borrowers WHERE id_number = ?'),
    borrowerName: p('UPDATE borrowers SET name = ?, updated_at = ? WHERE id = ?'),
    borrower: p('INSERT INTO borrowers (id, name, id_number, sex, birth_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    phonesOf: p('SELECT phone FROM borrower_phones WHERE borrower_id = ? ORDER BY seq').pluck(),
    phone: p(`INSERT INTO borrower_phones (borrower_id, seq, phone, kind, is_primary) VALUES (?, ?, ?, 'mobile', ?)`),
    addressesOf: p('SELECT address FROM borrower_addresses WHERE borrower_id = ? ORDER BY seq').pluck(),
    address: p('INSERT INTO borrower_addresses (borrower_id, seq, kind, address) VALUES (?, ?, ?, ?)'),
    // What every row needs to know of its loan (whether it exists, whose it is, and the digest of the row last
    // stored for it) in one lookup; the whole loan and facts rows are read only for a row that changed.
    loanKeyOf: p(`SELECT l.id, l.borrower_id, f.row_digest FROM loans l LEFT JOIN import_loan_facts f ON f.loan_id = l.id
      WHERE l.lender_id = ? AND l.contract_no = ?`),
    loanById: p('SELECT * FROM loans WHERE id = ?'),
    loan: p(`INSERT INTO loans (id, lender_id, borrower_id, contract_no, contract_date, contract_amount_fen, disbursed_amount_fen, disbursement_date,
      maturity_date, repayment_method, rate_term, rate_overdue, penalty_rate, day_basis, created_at, updated_at)
      VALUES (@id, @lender_id, @borrower_id, @contract_no, @contract_date, @contract_amount_fen, @disbursed_amount_fen, @disbursement_date,
      @maturity_date, @repayment_method, @rate_term, @rate_overdue, @penalty_rate, @day_basis, @created_at, @updated_at)`),
    loanUpdate: p(`UPDATE loans SET contract_date = @contract_date, contract_amount_fen = @contract_amount_fen, disbursed_amount_fen = @disbursed_amount_fen,
      disbursement_date = @disbursement_date, maturity_date = @maturity_date, repayment_method = @repayment_method, rate_term = @rate_term,
      rate_overdue = @rate_overdue, penalty_rate = @penalty_rate, day_basis = @day_basis, updated_at = @updated_at WHERE id = @id`),
    disbursement: p(`INSERT INTO disbursements (id, loan_id, date, amount_fen, reference) VALUES (?, ?, ?, ?, 'import')`),
    disbursementUpdate: p(`UPDATE disbursements SET date = ?, amount_fen = ? WHERE loan_id = ? AND reference = 'import'`),
    scheduleClear: p('DELETE FROM schedule_items WHERE loan_id = ?'),
    schedule: p('INSERT INTO schedule_items (loan_id, seq, due_date, principal_fen) VALUES (?, 1, ?, ?)'),
    summaryRepaymentClear: p('DELETE FROM repayments WHERE loan_id = ? AND source = ?'),
    repayment: p('INSERT INTO repayments (id, loan_id, date, amount_fen, principal_fen, source, reference, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    factsOf: p('SELECT * FROM import_loan_facts WHERE loan_id = ?'),
    factsNew: p(`INSERT INTO import_loan_facts (loan_id, created_run_id, updated_run_id, source_row, row_digest, rate_original, overdue_rate_original,
      penalty_rate_original, repayment_method_original, due_date, instalments, fees_fen, principal_repaid_fen, interest_repaid_fen, days_past_due_reported)
      VALUES (@loan_id, @created_run_id, @updated_run_id, @source_row, @row_digest, @rate_original, @overdue_rate_original, @penalty_rate_original,
      @repayment_method_original, @due_date, @instalments, @fees_fen, @principal_repaid_fen, @interest_repaid_fen, @days_past_due_reported)`),
    facts: p(`INSERT OR REPLACE INTO import_loan_facts (loan_id, created_run_id, updated_run_id, source_row, row_digest, rate_original, overdue_rate_original,
      penalty_rate_original, repayment_method_original, due_date, instalments, fees_fen, principal_repaid_fen, interest_repaid_fen, days_past_due_reported)
      VALUES (@loan_id, @created_run_id, @updated_run_id, @source_row, @row_digest, @rate_original, @overdue_rate_original, @penalty_rate_original,
      @repayment_method_original, @due_date, @instalments, @fees_fen, @principal_repaid_fen, @interest_repaid_fen, @days_past_due_reported)`),
    maxCaseNo: p('SELECT max(case_no) FROM cases WHERE case_no >= ? AND case_no < ?').pluck(),
    kase: p(`INSERT INTO cases (id, case_no, borrower_id, lender_id, stage, priority, opened_on, overdue_since, principal_outstanding_fen, repaid_fen, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'new', 'normal', ?, ?, ?, ?, ?, ?)`),
    caseLoan: p('INSERT INTO case_loans (case_id, loan_id) VALUES (?, ?)'),
    stage: p(`INSERT INTO stage_history (id, case_id, from_stage, to_stage, at, actor, reason) VALUES (?, ?, NULL, 'new', ?, ?, NULL)`),
    casesOfLoan: p('SELECT case_id FROM case_loans WHERE loan_id = ?').pluck(),
    casesOfBorrower: p('SELECT id FROM cases WHERE borrower_id = ?').pluck(),
    loansOfCase: p('SELECT loan_id FROM case_loans WHERE case_id = ?').pluck(),
    loanDisbursed: p('SELECT disbursed_amount_fen FROM loans WHERE id = ?').pluck(),
    scheduleOf: p('SELECT due_date AS dueDate, principal_fen AS principalFen FROM schedule_items WHERE loan_id = ? ORDER BY seq'),
    repaidOf: p('SELECT coalesce(sum(coalesce(principal_fen, amount_fen)), 0) AS principal, coalesce(sum(amount_fen), 0) AS total FROM repayments WHERE loan_id = ?'),
    caseFigures: p('UPDATE cases SET principal_outstanding_fen = ?, repaid_fen = ?, overdue_since = ?, updated_at = ? WHERE id = ?'),
    searchRows: p(INSERT_SEARCH_ROWS_SQL),
    // By rowid through case_search_case (migration 0010), as cases/search.ts does: case_id is UNINDEXED in the FTS table.
    searchClearMany: p('DELETE FROM case_search WHERE rowid IN (SELECT id FROM case_search_content WHERE c0 IN (SELECT value FROM json_each(?)))'),
    // The same text as cases/search.ts refreshCaseSearch, so imported and hand-made cases are found alike.
    search: p(`INSERT INTO case_search (case_id, case_no, borrower_name, id_number, phones, contract_nos)
      SELECT c.id, c.case_no, b.name, coalesce(b.id_number, ''),
        coalesce((SELECT group_concat(phone, ' ') FROM borrower_phones WHERE borrower_id = b.id), ''),
        coalesce((SELECT group_concat(l.contract_no, ' ') FROM case_loans cl JOIN loans l ON l.id = cl.loan_id WHERE cl.case_id = c.id), '')
      FROM cases c JOIN borrowers b ON b.id = c.borrower_id WHERE c.id = ?`),
  }
}

export type ImportStatements = ReturnType<typeof prepareImportStatements>
