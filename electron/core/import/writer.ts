import type BetterSqlite3 from 'better-sqlite3'
import { diffRecords } from '../audit/log'
import { loanOverdueSince, loanPrincipalOutstanding } from '../cases/figures'
import type { IdFactory } from '../ids'
import { maskIdNumber, validateIdNumber } from '../law/id-number'
import { createSyncAudit } from './audit-sync'
import { ownString } from './text'
import { SUMMARY_REPAYMENT_SOURCE, type StoredRow } from './store-row'
import type { NormalizedRow, RowError } from './types'
import { prepareImportStatements } from './writer-statements'

/** One valid row on its way into the store. */
export interface PendingRow {
  rowNumber: number
  cells: string[]
  value: NormalizedRow
  stored: StoredRow
}

export type RowOutcome =
  | { kind: 'imported'; caseId: string; caseNo: string; borrowerName: string }
  | { kind: 'updated' }
  | { kind: 'unchanged' }
  | { kind: 'rejected'; errors: RowError[] }

export interface WriterOptions {
  runId: string
  actor: string
  nowIso: string
  today: string
  /** Regime of lenders this import creates (LEGAL-RULES.md caps depend on it). */
  regime: 'private' | 'licensed'
  /** Address kind for the file's address column (户籍地址 → hukou). */
  addressKind: 'hukou' | 'residence'
  /** Column headers of the contract number and the borrower's name, for errors. */
  contractColumn: string
  nameColumn: string
}

class RowRejected extends Error {
  constructor(readonly errors: RowError[]) {
    super('row rejected')
  }
}

/**
 * Upserts validated rows by (lender, contract number), one batch per transaction. Inside the batch each row
 * is its own savepoint: a row the store refuses is rolled back alone and reported, and the rest of the batch
 * goes on. `dryRun` rolls the whole batch back at the end, so a dry run meets every rule a real run meets.
 */
export function createImportWriter(raw: BetterSqlite3.Database, newId: IdFactory, o: WriterOptions) {
  const st = prepareImportStatements(raw)
  const audit = createSyncAudit(raw)
  const lenderIds = new Map<string, string>()
  /**
   * Borrowers met in this run by ID number: their id and the name stored for them — a cache of the store,
   * emptied when it holds BORROWER_CACHE of them, so a run of any length keeps a bounded number.
   */
  const borrowers = new Map<string, { id: string; name: string }>()
  const BORROWER_CACHE = 50_000
  /**
   * ID numbers whose stored name this run set or confirmed: a later row naming one of them differently is a
   * conflict within the file. Kept for the whole run, so only the ID numbers (the name is the store's).
   */
  const namedHere = new Set<string>()
  const remember = (idNumber: string, b: { id: string; name: string }) => {
    if (borrowers.size >= BORROWER_CACHE) borrowers.clear()
    borrowers.set(idNumber, b)
  }
  let nextCaseNo = 0

  const entry = (entity: string, entityId: string, action: string, diff: unknown) => audit.append({ actor: o.actor, at: o.nowIso, entity, entityId, action, diff })
  const reject = (row: PendingRow, code: string, message: string, messageEn: string, column = ''): never => {
    throw new RowRejected([{ row: row.rowNumber, column, code, message, messageEn }])
  }

  function createLender(name: string, creditCode: string | null, created: string[]): string {
    const id = newId()
    st.lender.run(id, name, creditCode, o.regime, o.nowIso, o.nowIso)
    entry('lender', id, 'create', { ...diffRecords(null, { name, credit_code: creditCode, regime: o.regime }), importRun: o.runId })
    created.push(id)
    lenderIds.set(name, id)
    return id
  }

  /** Adds the row's phones and address to the borrower when not there yet; returns what was added, and all their phones. */
  function addContacts(borrowerId: string, b: NormalizedRow['borrower'], isNew: boolean): { phones: string[]; address: string | null; allPhones: string[] } {
    const have = isNew ? [] : (st.phonesOf.all(borrowerId) as string[])
    const added: string[] = []
    for (const phone of b.phone ? [b.phone, ...b.otherPhones] : b.otherPhones) {
      if (have.includes(phone) || added.includes(phone)) continue
      st.phone.run(borrowerId, have.length + added.length + 1, phone, have.length + added.length === 0 ? 1 : 0)
      added.push(phone)
    }
    let address: string | null = null
    if (b.address) {
      const addresses = isNew ? [] : (st.addressesOf.all(borrowerId) as string[])
      if (!addresses.includes(b.address)) {
        st.address.run(borrowerId, addresses.length + 1, o.addressKind, b.address)
        address = b.address
      }
    }
    return { phones: added, address, allPhones: have.length === 0 ? added : [...have, ...added] }
  }

  function createBorrower(b: NormalizedRow['borrower']): string {
    const id = newId()
    const idn = validateIdNumber(b.idNumber, o.today)
    st.borrower.run(id, b.name, b.idNumber, idn.sex, idn.birthDate, o.nowIso, o.nowIso)
    remember(b.idNumber, { id, name: b.name })
    namedHere.add(ownString(b.idNumber))
    return id
  }

  /**
   * The borrower of a row, as stored before the row. The ID number is the person; their name is the only other
   * field a row carries (sex and birth date follow from the ID number).
   */
  function knownBorrower(idNumber: string): { id: string; name: string } | undefined {
    let b = borrowers.get(idNumber)
    if (!b) {
      b = st.borrowerByIdNumber.get(idNumber) as { id: string; name: string } | undefined
      if (b) remember(idNumber, b)
    }
    return b
  }

  /** A re-import that spells the borrower's name differently updates it, audited, and refreshes the search text of their cases. */
  function updateBorrowerName(b: { id: string; name: string }, name: string, row: PendingRow): void {
    st.borrowerName.run(name, o.nowIso, b.id)
    entry('borrower', b.id, 'import.update', { ...diffRecords({ name: b.name }, { name }), importRun: o.runId, row: row.rowNumber })
    b.name = name
    namedHere.add(ownString(row.value.borrower.idNumber))
    for (const c of st.casesOfBorrower.all(b.id) as string[]) staleSearch.add(c)
  }

  function writeLoanParts(loanId: string, s: StoredRow, isNew: boolean): void {
    if (isNew) st.disbursement.run(newId(), loanId, s.loan.disbursement_date, s.loan.disbursed_amount_fen)
    else st.disbursementUpdate.run(s.loan.disbursement_date, s.loan.disbursed_amount_fen, loanId)
    if (!isNew) st.scheduleClear.run(loanId)
    if (s.schedule) st.schedule.run(loanId, s.schedule.dueDate, s.schedule.principalFen)
    if (!isNew) st.summaryRepaymentClear.run(loanId, SUMMARY_REPAYMENT_SOURCE)
    if (s.repayment) st.repayment.run(newId(), loanId, s.repayment.date, s.repayment.amountFen, s.repayment.principalFen, SUMMARY_REPAYMENT_SOURCE, '导入时的累计已还（汇总）', o.nowIso)
  }

  /** Cases whose search text must be rebuilt: once at the end of the batch, in one delete and one insert each. */
  const staleSearch = new Set<string>()
  /**
   * The search rows of the batch's new cases, written in one statement at the end of the batch (INSERT_SEARCH_ROWS_SQL
   * says why) — or every SEARCH_CHUNK rows in the fast path, so FTS5's in-memory terms stay small (a whole batch's
   * held 20–50 MB more at peak in bench/import, for no less CPU). With a savepoint per row they wait for the end: a rolled-back row
   * must be able to take its search row back.
   */
  const newSearch: string[][] = []
  const SEARCH_CHUNK = 1_000
  let rowSavepoints = false
  const writeNewSearch = () => {
    if (newSearch.length > 0) st.searchRows.run(JSON.stringify(newSearch))
    newSearch.length = 0
  }

  /**
   * Recompute a case's figures from its loans (as cases/figures.ts does). Its search text holds no figures,
   * so it is left alone: only new phone numbers or a new name make it stale.
   */
  function refreshFigures(caseId: string): void {
    let outstanding = 0
    let repaid = 0
    let since: string | null = null
    for (const loanId of st.loansOfCase.all(caseId) as string[]) {
      const r = st.repaidOf.get(loanId) as { principal: number; total: number }
      const f = { disbursedFen: st.loanDisbursed.get(loanId) as number, schedule: st.scheduleOf.all(loanId) as { dueDate: string; principalFen: number }[], principalRepaidFen: r.principal }
      outstanding += loanPrincipalOutstanding(f)
      repaid += r.total
      const s = loanOverdueSince(f, o.today)
      if (s && (!since || s < since)) since = s
    }
    st.caseFigures.run(outstanding, repaid, since, o.nowIso, caseId)
  }

  /** The batch's search rows: the new cases', then those of cases whose text changed. */
  function writeSearch(): void {
    writeNewSearch()
    if (staleSearch.size === 0) return
    // After the new rows: a case opened earlier in this batch may be stale already (a later row added a phone).
    st.searchClearMany.run(JSON.stringify([...staleSearch]))
    for (const c of staleSearch) st.search.run(c)
    staleSearch.clear()
  }

  function facts(loanId: string, row: PendingRow, createdRunId: string, updatedRunId: string | null) {
    return { loan_id: loanId, created_run_id: createdRunId, updated_run_id: updatedRunId, source_row: row.rowNumber, row_digest: row.stored.digest, ...row.stored.facts }
  }

  function writeRow(row: PendingRow, created: { lenders: string[]; loans: { loan: string; case: string; row: number }[] }): RowOutcome {
    const v = row.value
    // Every check that can refuse the row runs before its first write, so a refused row needs no rollback.
    const knownLender = lenderIds.get(v.lender.name) ?? (st.lenderByName.get(v.lender.name) as string | undefined)
    if (!knownLender && v.lender.creditCode) {
      const clash = st.lenderByCreditCode.get(v.lender.creditCode) as string | undefined
      if (clash) reject(row, 'IMPORT_LENDER_CREDIT_CODE_TAKEN', `统一社会信用代码已属于出借人“${clash}”`, `The credit code already belongs to lender "${clash}"`)
    }
    const existing = knownLender ? (st.loanKeyOf.get(knownLender, v.loan.contractNo) as { id: string; borrower_id: string; row_digest: string | null } | undefined) : undefined
    const known = knownBorrower(v.borrower.idNumber)
    if (existing && existing.borrower_id !== known?.id) {
      reject(row, 'IMPORT_BORROWER_MISMATCH', `合同编号 ${v.loan.contractNo} 已属于另一位借款人（身份证号不同），未覆盖`, `Contract ${v.loan.contractNo} already belongs to another borrower (different ID number); not overwritten`, o.contractColumn)
    }
    // Two rows of one file naming one ID number differently: the first stands, as with contract numbers.
    if (known && known.name !== v.borrower.name && namedHere.has(v.borrower.idNumber)) {
      reject(row, 'IMPORT_BORROWER_NAME_CONFLICT', `身份证号 ${maskIdNumber(v.borrower.idNumber)} 在本文件前面的行中姓名为“${known.name}”，与本行“${v.borrower.name}”不同；本行未导入`,
        `ID number ${maskIdNumber(v.borrower.idNumber)} has the name "${known.name}" in an earlier row of this file, not "${v.borrower.name}"; this row was not imported`, o.nameColumn)
    }
    const lid = knownLender ?? createLender(v.lender.name, v.lender.creditCode, created.lenders)
    if (knownLender) lenderIds.set(v.lender.name, knownLender)
    const borrower = known ? { id: known.id, isNew: false } : { id: createBorrower(v.borrower), isNew: true }
    const renamed = known !== undefined && known.name !== v.borrower.name
    if (renamed) updateBorrowerName(known, v.borrower.name, row)
    else if (known && !namedHere.has(v.borrower.idNumber)) namedHere.add(ownString(v.borrower.idNumber)) // this row confirms the name for the rest of the file
    const contacts = addContacts(borrower.id, v.borrower, borrower.isNew)
    if (!existing) {
      const loanId = newId()
      st.loan.run({ id: loanId, lender_id: lid, borrower_id: borrower.id, contract_no: v.loan.contractNo, ...row.stored.loan, created_at: o.nowIso, updated_at: o.nowIso })
      writeLoanParts(loanId, row.stored, true)
      st.factsNew.run(facts(loanId, row, o.runId, null))
      const caseId = newId()
      const caseNo = `AJ-${o.today.slice(0, 4)}-${String(nextCaseNo++).padStart(6, '0')}`
      const f = row.stored.figures
      st.kase.run(caseId, caseNo, borrower.id, lid, o.today, f.overdueSince, f.principalOutstandingFen, f.repaidFen, o.nowIso, o.nowIso)
      st.caseLoan.run(caseId, loanId)
      st.stage.run(newId(), caseId, o.nowIso, o.actor)
      // The same text cases/search.ts writes (name, ID number, the borrower's phones in order, the case's one contract).
      newSearch.push([caseId, caseNo, v.borrower.name, v.borrower.idNumber, contacts.allPhones.join(' '), v.loan.contractNo])
      if (!rowSavepoints && newSearch.length >= SEARCH_CHUNK) writeNewSearch()
      if (!borrower.isNew && contacts.phones.length > 0) for (const c of st.casesOfBorrower.all(borrower.id) as string[]) if (c !== caseId) staleSearch.add(c)
      created.loans.push({ loan: loanId, case: caseId, row: row.rowNumber })
      return { kind: 'imported', caseId, caseNo, borrowerName: v.borrower.name }
    }
    const loanId = existing.id
    if (existing.row_digest === row.stored.digest && contacts.phones.length === 0 && contacts.address === null && !renamed) return { kind: 'unchanged' }
    const stored = st.loanById.get(loanId) as Record<string, unknown>
    const before = st.factsOf.get(loanId) as Record<string, unknown> | undefined
    const after = { ...stored, ...row.stored.loan }
    const diff = { ...diffRecords(stored, after), ...diffRecords(before ? { ...before, row_digest: null, source_row: null, updated_run_id: null } : null, { ...row.stored.facts, loan_id: loanId, created_run_id: before?.created_run_id ?? o.runId }) }
    if (Object.keys(diff).length === 0 && contacts.phones.length === 0 && contacts.address === null) {
      // The loan is as stored; only the row's digest moved (or the borrower's name, updated and audited above).
      st.facts.run(facts(loanId, row, (before?.created_run_id as string | undefined) ?? o.runId, renamed ? o.runId : ((before?.updated_run_id as string | null | undefined) ?? null)))
      return { kind: renamed ? 'updated' : 'unchanged' }
    }
    st.loanUpdate.run({ ...row.stored.loan, id: loanId, updated_at: o.nowIso })
    writeLoanParts(loanId, row.stored, false)
    st.facts.run(facts(loanId, row, (before?.created_run_id as string | undefined) ?? o.runId, o.runId))
    for (const c of st.casesOfLoan.all(loanId) as string[]) refreshFigures(c)
    if (contacts.phones.length) for (const c of st.casesOfBorrower.all(borrower.id) as string[]) staleSearch.add(c)
    entry('loan', loanId, 'import.update', {
      ...diff, importRun: o.runId, row: row.rowNumber,
      ...(contacts.phones.length > 0 && { phonesAdded: contacts.phones.length }), ...(contacts.address && { addressAdded: true }),
      borrower: maskIdNumber(v.borrower.idNumber),
    })
    return { kind: 'updated' }
  }

  const rowSavepoint = raw.transaction((row: PendingRow, created: Parameters<typeof writeRow>[1]) => writeRow(row, created))
  /** A rolled-back row or batch may have handed out lender/borrower ids that no longer exist: forget them. */
  const forgetIds = () => {
    lenderIds.clear()
    borrowers.clear()
    namedHere.clear()
  }

  /** Write a batch's rows; `safe` gives each row its own savepoint so a row the store refuses is rolled back alone. */
  const batch = (rows: PendingRow[], safe: boolean): RowOutcome[] => {
    // Read under the batch's write lock, so a case opened by hand between two batches is never numbered twice.
    // A range on case_no's unique index: O(log n), where LIKE (case-insensitive) scanned every case per batch.
    const prefix = `AJ-${o.today.slice(0, 4)}-`
    const last = st.maxCaseNo.get(prefix, `AJ-${o.today.slice(0, 4)}.`) as string | null
    nextCaseNo = last ? Number(last.slice(prefix.length)) + 1 : 1
    audit.begin()
    const created = { lenders: [] as string[], loans: [] as { loan: string; case: string; row: number }[] }
    rowSavepoints = safe
    const outcomes = rows.map((row): RowOutcome => {
      const searchMark = newSearch.length
      try {
        return safe ? rowSavepoint(row, created) : writeRow(row, created)
      } catch (e) {
        if (e instanceof RowRejected) return { kind: 'rejected', errors: e.errors }
        if (!safe) throw e
        newSearch.length = searchMark // the row's case was rolled back with it
        forgetIds()
        audit.begin() // the row's audit entries were rolled back with it
        // A rule of the store itself (a CHECK or UNIQUE constraint): this row only, reported in plain words.
        const msg = (e as Error).message
        return { kind: 'rejected', errors: [{ row: row.rowNumber, column: '', code: 'IMPORT_ROW_NOT_STORED', message: `数据库拒绝了这一行：${msg}`, messageEn: `The store refused this row: ${msg}` }] }
      }
    })
    writeSearch()
    if (created.loans.length > 0) entry('import', o.runId, 'import.batch', { rows: [rows[0].rowNumber, rows.at(-1)!.rowNumber], created: created.loans })
    return outcomes
  }
  const DRY_RUN_ROLLBACK = Symbol('dry run')

  return {
    /**
     * Write one batch in one IMMEDIATE transaction (case numbers are read and taken under the write lock).
     * Fast path: the rows straight into the transaction, no savepoint — a savepoint around thousands of rows
     * makes SQLite copy every page it touches into a sub-journal, which cost more than the writes themselves.
     * Should the store refuse a row, the transaction is rolled back and the batch written again in a new one
     * with a savepoint per row, so only that row is lost.
     */
    writeBatch(rows: PendingRow[], dryRun = false): RowOutcome[] {
      if (rows.length === 0) return []
      const attempt = (safe: boolean): RowOutcome[] => {
        let outcomes: RowOutcome[] = []
        try {
          raw.transaction((r: PendingRow[]) => {
            outcomes = batch(r, safe)
            if (dryRun) throw DRY_RUN_ROLLBACK
          }).immediate(rows)
        } catch (e) {
          forgetIds()
          staleSearch.clear()
          newSearch.length = 0
          if (e !== DRY_RUN_ROLLBACK) throw e
        }
        return outcomes
      }
      try {
        return attempt(false)
      } catch {
        return attempt(true)
      }
    },
  }
}
