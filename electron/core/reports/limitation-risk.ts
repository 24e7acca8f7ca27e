import type BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { addDays, addYears } from '../../../shared/domain/date'
import type { Stage } from '../../../shared/domain/enums'
import type { LimitationRisk } from '../../../shared/domain/report'
import type { Executor } from '../audit/log'
import { storedLimitation } from '../collection/limitation-store'
import type { Database } from '../db/schema'
import type { WorkCalendar } from '../law/calendar'
import { chinaMidnightIso, type CaseScope } from './scope'

export const LIMITATION_METHOD =
  '诉讼时效与催收工作台同一计算与存储（electron/core/collection/limitation-store.ts，表 loan_limitation）：自最后一期到期日起 3 年（民法典第188、189条），经送达的催收（有送达凭证或签收回执）、到期后的还款、债务确认书、还款方案中断，起诉/支付令/保全期间不计算、程序终结后重新计算（第195条），届满日遇节假日顺延（节假日数据未覆盖的年份按名义日期并标注）。 / ' +
  "Limitation as the work queue computes and stores it (electron/core/collection/limitation-store.ts, table loan_limitation): 3 years from the last instalment due date, restarted by delivered demands (with proof or a receipt), repayments after it, signed acknowledgements and repayment plans, held while suit / payment-order / preservation proceedings run and restarted when they end; rolled past holidays where the calendar covers the year."

/** Holiday rolling moves an expiry by at most about ten days; candidates are taken with this margin. */
const ROLL_MARGIN = 15

/**
 * Cases with a loan whose limitation period may end within the window: the period runs three years from the
 * last event that started it, so one of these is dated about three years before the window — a last
 * instalment (from loan_last_due, migration 0013) or, for a loan without a schedule, its maturity date (0014),
 * a repayment or a delivered demand with proof on or after it,
 * a signed acknowledgement, an agreed plan, or a judgment / ruling ending proceedings (the last three from small
 * tables, which CROSS JOIN keeps first: the planner would otherwise walk every case to probe them). No walk of the
 * cases: the candidates are a superset, and the stored limitation decides each exactly.
 */
export function candidateSql(scope: CaseScope): string {
  const open = `c.stage <> 'closed' AND ${scope.where}`
  return `SELECT cl.case_id AS caseId FROM loan_last_due d
      JOIN case_loans cl ON cl.loan_id = d.loan_id JOIN cases c ON c.id = cl.case_id
      WHERE d.due_date >= @lo AND d.due_date <= @hi AND ${open}
    UNION SELECT cl.case_id FROM loans l
      JOIN case_loans cl ON cl.loan_id = l.id JOIN cases c ON c.id = cl.case_id
      WHERE l.maturity_date >= @lo AND l.maturity_date <= @hi AND NOT EXISTS (SELECT 1 FROM loan_last_due d WHERE d.loan_id = l.id) AND ${open}
    UNION SELECT cl.case_id FROM repayments r
      JOIN loan_last_due d ON d.loan_id = r.loan_id
      JOIN case_loans cl ON cl.loan_id = r.loan_id JOIN cases c ON c.id = cl.case_id
      WHERE r.date >= @lo AND r.date <= @hi AND r.date >= d.due_date AND ${open}
    UNION SELECT cl.case_id FROM repayments r
      LEFT JOIN loan_last_due d ON d.loan_id = r.loan_id CROSS JOIN loans l ON l.id = r.loan_id
      JOIN case_loans cl ON cl.loan_id = r.loan_id JOIN cases c ON c.id = cl.case_id
      WHERE r.date >= @lo AND r.date <= @hi AND d.loan_id IS NULL AND r.date >= l.maturity_date AND ${open}
    UNION SELECT a.case_id FROM collection_actions a JOIN cases c ON c.id = a.case_id
      WHERE a.delivered_on >= @lo AND a.delivered_on <= @hi AND (a.tracking_no IS NOT NULL OR a.proof_evidence_id IS NOT NULL) AND ${open}
    UNION SELECT k.case_id FROM acknowledgements k CROSS JOIN cases c ON c.id = k.case_id
      WHERE k.signed_on >= @lo AND k.signed_on <= @hi AND ${open}
    UNION SELECT p.case_id FROM repayment_plans p CROSS JOIN cases c ON c.id = p.case_id
      WHERE p.created_at >= @loIso AND p.created_at < @hiIso AND p.status <> 'proposed' AND ${open}
    UNION SELECT e.case_id FROM court_events e CROSS JOIN cases c ON c.id = e.case_id
      WHERE e.date >= @lo AND e.date <= @hi AND e.kind IN ('judgment', 'ruling') AND ${open}`
}

/** The limitation of loans of open cases that ends within `days` days, read through the work queue's store. */
export async function limitationRisks(ex: Executor, raw: BetterSqlite3.Database, today: string, days: number, calendar: WorkCalendar, calendarKey: string): Promise<LimitationRisk[]> {
  // Expiry = event + 3 years (rolled forward); it is in [today, today + days] only if the event is in this range.
  const lo = addYears(addDays(today, -ROLL_MARGIN), -3)
  const hi = addDays(addYears(addDays(today, days), -3), 1)
  const caseIds = raw.prepare(candidateSql({ where: '1', params: {} })).pluck().all({ lo, hi, loIso: chinaMidnightIso(lo), hiIso: chinaMidnightIso(addDays(hi, 1)) }) as string[]
  if (caseIds.length === 0) return []
  // Missing or stale rows (seeding and import do not fill them) are computed here in bulk and stored.
  const stored = await storedLimitation(ex, today, calendar, calendarKey, caseIds)
  const due = stored.filter((l) => l.state === 'running' && l.daysLeft !== null && l.daysLeft <= days)
  if (due.length === 0) return []
  const details = raw.prepare(`SELECT c.id AS caseId, c.case_no AS caseNo, c.lender_id AS lenderId, c.stage, c.owner, b.name AS borrowerName, le.name AS lenderName
      FROM json_each(@ids) j JOIN cases c ON c.id = j.value JOIN borrowers b ON b.id = c.borrower_id JOIN lenders le ON le.id = c.lender_id`)
    .all({ ids: JSON.stringify([...new Set(due.map((l) => l.caseId))]) }) as { caseId: string; caseNo: string; lenderId: string; stage: Stage; owner: string | null; borrowerName: string; lenderName: string }[]
  const starts = new Map((raw.prepare(`SELECT l.id, coalesce(d.due_date, l.maturity_date) AS start FROM json_each(@ids) j JOIN loans l ON l.id = j.value LEFT JOIN loan_last_due d ON d.loan_id = l.id`)
    .all({ ids: JSON.stringify(due.map((l) => l.loanId)) }) as { id: string; start: string }[]).map((r) => [r.id, r.start]))
  const byCase = new Map(details.map((d) => [d.caseId, d]))
  return due
    .map((l): LimitationRisk => {
      const c = byCase.get(l.caseId)!
      return {
        caseId: l.caseId, lenderId: c.lenderId, caseNo: c.caseNo, borrowerName: c.borrowerName, lenderName: c.lenderName, owner: c.owner, stage: c.stage,
        contractNo: l.contractNo, lastInstalmentDue: starts.get(l.loanId)!, expiry: l.expiry!, daysLeft: l.daysLeft!, provisional: provisional(l.expiry!, calendar),
      }
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || a.caseNo.localeCompare(b.caseNo))
}

/**
 * Whether an expiry may still move: its year is not in the holiday data (the nominal date is shown), or it lies
 * in late December of a year whose next year's notice is not out — the engine's calendarWarning, read from the
 * stored expiry (a roll never leaves the year it would need unknown days of).
 */
function provisional(expiry: string, calendar: WorkCalendar): boolean {
  return !calendar.covers(expiry) || !!calendar.dayInfo(expiry).provisional
}

/**
 * The whole book's limitation risks, recomputed only when the store or the day changed: the key is today,
 * SQLite's data_version (commits by other connections) and total_changes() (writes on this one), taken after
 * the computation (which may store limitation rows). The dashboard then filters the rows by lender, owner and
 * stage, so a change of filter costs nothing here.
 */
export function createLimitationCache(db: Kysely<Database>, raw: BetterSqlite3.Database, calendar: () => { cal: WorkCalendar; key: string }) {
  const changes = raw.prepare('SELECT total_changes()').pluck()
  const keyNow = (today: string) => `${today}|${raw.pragma('data_version', { simple: true })}|${changes.get()}`
  let key = ''
  let rows: LimitationRisk[] = []
  return async (today: string): Promise<LimitationRisk[]> => {
    if (keyNow(today) !== key) {
      const { cal, key: calendarKey } = calendar()
      rows = await db.transaction().execute((trx) => limitationRisks(trx, raw, today, 90, cal, calendarKey))
      key = keyNow(today)
    }
    return rows
  }
}
