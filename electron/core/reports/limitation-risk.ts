import type BetterSqlite3 from 'better-sqlite3'
import { addDays, addYears } from '../../../shared/domain/date'
import type { Stage } from '../../../shared/domain/enums'
import type { LimitationRisk } from '../../../shared/domain/report'
import type { WorkCalendar } from '../law/calendar'
import { limitationStatus, type LimitationEvent } from '../law/limitation'
import type { CaseScope } from './scope'

export const LIMITATION_METHOD =
  '诉讼时效按 electron/core/law/limitation.ts 计算：自最后一期到期日起 3 年（民法典第188、189条），经送达的催收（有送达凭证）、到期后的还款、还款方案及起诉/支付令/保全中断或中止（第195条），届满日遇节假日顺延（节假日数据未覆盖的年份按名义日期并标注）。 / ' +
  'Limitation per electron/core/law/limitation.ts: 3 years from the last instalment due date, restarted by delivered demands (with proof), repayments after it and repayment plans, suspended by filings; rolled past holidays where the calendar covers the year.'

/** Holiday rolling moves an expiry by at most about ten days; candidates are taken with this margin. */
const ROLL_MARGIN = 15

/**
 * Loans of open cases whose limitation period may end within `days` days. SQL finds the candidates cheaply
 * by index ranges — a last instalment, a repayment or a delivered demand dated about three years before the
 * window (a repayment or demand only on or after the last instalment's due date: before it, it does not move
 * the start) — and the limitation engine then decides each one exactly, with every event of the loan. The
 * last instalment of each loan comes from loan_last_due (migration 0013), a narrow table kept by triggers.
 */
export function candidateSql(scope: CaseScope): string {
  return `SELECT cl.case_id AS caseId, d.loan_id AS loanId FROM loan_last_due d
      JOIN case_loans cl ON cl.loan_id = d.loan_id JOIN cases c ON c.id = cl.case_id
      WHERE d.due_date >= @lo AND d.due_date <= @hi AND c.stage <> 'closed' AND ${scope.where}
    UNION SELECT cl.case_id, r.loan_id FROM repayments r
      JOIN loan_last_due d ON d.loan_id = r.loan_id
      JOIN case_loans cl ON cl.loan_id = r.loan_id JOIN cases c ON c.id = cl.case_id
      WHERE r.date >= @lo AND r.date <= @hi AND r.date >= d.due_date AND c.stage <> 'closed' AND ${scope.where}
    UNION SELECT a.case_id, cl.loan_id FROM collection_actions a
      JOIN cases c ON c.id = a.case_id JOIN case_loans cl ON cl.case_id = a.case_id
      JOIN loan_last_due d ON d.loan_id = cl.loan_id
      WHERE a.delivered_on >= @lo AND a.delivered_on <= @hi AND a.tracking_no IS NOT NULL AND a.delivered_on >= d.due_date AND c.stage <> 'closed' AND ${scope.where}`
}

interface Candidate {
  caseId: string; loanId: string; caseNo: string; lenderId: string; stage: Stage; owner: string | null
  borrowerName: string; lenderName: string; contractNo: string; lastDue: string
}

export function limitationRisks(raw: BetterSqlite3.Database, scope: CaseScope, today: string, days: number, calendar: WorkCalendar): LimitationRisk[] {
  // Expiry = event + 3 years (rolled forward); it is in [today, today + days] only if the event is in this range.
  const lo = addYears(addDays(today, -ROLL_MARGIN), -3)
  const hi = addDays(addYears(addDays(today, days), -3), 1)
  // The case and loan details come with the candidates (one statement, not two more per candidate).
  const candidates = raw.prepare(`SELECT k.caseId, k.loanId, c.case_no AS caseNo, c.lender_id AS lenderId, c.stage, c.owner,
      b.name AS borrowerName, le.name AS lenderName, l.contract_no AS contractNo, d.due_date AS lastDue
    FROM (${candidateSql(scope)}) k
    JOIN cases c ON c.id = k.caseId JOIN borrowers b ON b.id = c.borrower_id JOIN lenders le ON le.id = c.lender_id
    JOIN loans l ON l.id = k.loanId JOIN loan_last_due d ON d.loan_id = k.loanId`).all({ ...scope.params, lo, hi }) as Candidate[]
  if (candidates.length === 0) return []
  // Every event that can move the period, in one statement (those before the last due date never do).
  const events = raw.prepare(`SELECT date, 'partial_payment' AS kind, NULL AS proof FROM repayments WHERE loan_id = @loanId AND date >= @lastDue AND date <= @today
      UNION ALL SELECT delivered_on, 'demand_delivered', tracking_no FROM collection_actions WHERE case_id = @caseId AND delivered_on >= @lastDue AND delivered_on <= @today
      UNION ALL SELECT date(created_at, '+8 hours'), 'plan', NULL FROM repayment_plans WHERE case_id = @caseId AND status IN ('agreed', 'performing', 'completed')
      UNION ALL SELECT date, 'filing', NULL FROM court_events WHERE case_id = @caseId AND kind IN ('filing', 'payment_order', 'preservation') AND date <= @today`)
  const out: LimitationRisk[] = []
  for (const c of candidates) {
    const rows = events.all({ loanId: c.loanId, caseId: c.caseId, lastDue: c.lastDue, today }) as { date: string; kind: LimitationEvent['kind']; proof: string | null }[]
    const evs: LimitationEvent[] = rows.filter((e) => e.date <= today).map((e) => ({ date: e.date, kind: e.kind, ...(e.proof ? { proof: e.proof } : {}) }))
    const status = limitationStatus({ lastInstalmentDue: c.lastDue, events: evs, today }, calendar)
    if (status.state !== 'running' || status.daysLeft === null || status.daysLeft > days) continue
    out.push({
      caseId: c.caseId, lenderId: c.lenderId, caseNo: c.caseNo, borrowerName: c.borrowerName, lenderName: c.lenderName, owner: c.owner, stage: c.stage,
      contractNo: c.contractNo, lastInstalmentDue: c.lastDue, expiry: status.expiry!, daysLeft: status.daysLeft, provisional: !!status.calendarWarning,
    })
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.caseNo.localeCompare(b.caseNo))
}


/**
 * The whole book's limitation risks, recomputed only when the store or the day changed: the key is today,
 * SQLite's data_version (commits by other connections) and total_changes() (writes on this one). The
 * dashboard then filters the rows by lender, owner and stage, so a change of filter costs nothing here.
 */
export function createLimitationCache(raw: BetterSqlite3.Database, calendar: () => WorkCalendar) {
  const changes = raw.prepare('SELECT total_changes()').pluck()
  let key = ''
  let rows: LimitationRisk[] = []
  return (today: string): LimitationRisk[] => {
    const k = `${today}|${raw.pragma('data_version', { simple: true })}|${changes.get()}`
    if (k !== key) {
      rows = limitationRisks(raw, { where: '1', params: {} }, today, 90, calendar())
      key = k
    }
    return rows
  }
}
