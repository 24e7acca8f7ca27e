import type BetterSqlite3 from 'better-sqlite3'
import { addDays, addMonths } from '../../../shared/domain/date'
import { STAGE_LABELS, type Stage } from '../../../shared/domain/enums'
import { formatFen } from '../../../shared/domain/money'
import type { Dashboard } from '../../../shared/domain/report'
import type { LimitationRisk } from '../../../shared/domain/report'
import { computeDashboard } from './dashboard'
import { chinaMidnightIso, monthEnd } from './scope'
import { stagesAt, type StagesAt } from './stage-at'

/** How many rows each list of the client report prints; the report says when there are more. */
export const REPORT_LIST_ROWS = 50

export interface StageMove { caseNo: string; borrowerName: string; from: Stage; to: Stage; date: string }
export interface Recovery { date: string; caseNo: string; borrowerName: string; contractNo: string; amountFen: number }
export interface Decision { caseNo: string; borrowerName: string; matter: string; detail: string }

export interface ClientReportData {
  lenderName: string
  month: string
  asOf: string
  /** The month's flows (recoveries, placed, promises) for this lender; stock figures as of `asOf`. */
  month1: Dashboard
  /** Six months ending with the report month, for the recoveries chart. */
  months6: Dashboard
  /** Cases by stage at the end of the month (from stage_history) for a past month; today's for the current one. */
  stages: StagesAt & { past: boolean }
  moves: { total: number; rows: StageMove[] }
  recoveries: { total: number; totalFen: number; rows: Recovery[] }
  decisions: Decision[]
}

/** Everything the monthly report for one lender says, read from the store. */
export function clientReportData(raw: BetterSqlite3.Database, risks: LimitationRisk[], lenderId: string, lenderName: string, month: string, today: string): ClientReportData {
  const month1 = computeDashboard(raw, { lenderId, from: month, to: month }, today, risks)
  const months6 = computeDashboard(raw, { lenderId, from: addMonths(`${month}-01`, -5).slice(0, 7), to: month }, today, risks)
  const startIso = chinaMidnightIso(`${month}-01`)
  const endIso = chinaMidnightIso(addDays(monthEnd(month), 1))

  const moveRows = raw.prepare(`SELECT c.case_no AS caseNo, b.name AS borrowerName, h.from_stage AS "from", h.to_stage AS "to", h.at AS at
      FROM stage_history h JOIN cases c ON c.id = h.case_id JOIN borrowers b ON b.id = c.borrower_id
      WHERE h.at >= ? AND h.at < ? AND h.from_stage IS NOT NULL AND c.lender_id = ? ORDER BY h.at, c.case_no`).all(startIso, endIso, lenderId) as (Omit<StageMove, 'date'> & { at: string })[]
  const recRows = raw.prepare(`SELECT r.date AS date, c.case_no AS caseNo, b.name AS borrowerName, l.contract_no AS contractNo, r.amount_fen AS amountFen
      FROM repayments r JOIN case_loans cl ON cl.loan_id = r.loan_id JOIN cases c ON c.id = cl.case_id
      JOIN loans l ON l.id = r.loan_id JOIN borrowers b ON b.id = c.borrower_id
      WHERE r.date >= ? AND r.date <= ? AND r.date >= c.opened_on AND c.lender_id = ? ORDER BY r.date, c.case_no`).all(`${month}-01`, monthEnd(month), lenderId) as Recovery[]

  return {
    lenderName, month, asOf: today, month1, months6,
    stages: monthEnd(month) < today ? { ...stagesAt(raw, lenderId, endIso, monthEnd(month)), past: true } : { date: today, funnel: month1.funnel, unrecorded: 0, past: false },
    moves: { total: moveRows.length, rows: moveRows.slice(0, REPORT_LIST_ROWS).map(({ at, ...m }) => ({ ...m, date: chinaDate(at) })) },
    recoveries: { total: recRows.length, totalFen: recRows.reduce((s, r) => s + r.amountFen, 0), rows: recRows.slice(0, REPORT_LIST_ROWS) },
    decisions: decisions(raw, lenderId, month1, today),
  }
}

/**
 * What the client has to decide: repayment plans proposed with a reduction or instalments (only the creditor
 * can agree to them), limitation periods ending within 90 days (sue, or secure an acknowledgement), and cases
 * overdue more than 180 days still outside litigation (whether to sue).
 */
function decisions(raw: BetterSqlite3.Database, lenderId: string, d: Dashboard, today: string): Decision[] {
  const plans = raw.prepare(`SELECT c.case_no AS caseNo, b.name AS borrowerName, p.total_fen AS totalFen, p.reduction_fen AS reductionFen
      FROM repayment_plans p JOIN cases c ON c.id = p.case_id JOIN borrowers b ON b.id = c.borrower_id
      WHERE p.status = 'proposed' AND c.lender_id = ? AND c.stage <> 'closed' ORDER BY c.case_no LIMIT ?`).all(lenderId, REPORT_LIST_ROWS) as { caseNo: string; borrowerName: string; totalFen: number; reductionFen: number }[]
  const old = raw.prepare(`SELECT c.case_no AS caseNo, b.name AS borrowerName, c.overdue_since AS since, c.principal_outstanding_fen AS p
      FROM cases c JOIN borrowers b ON b.id = c.borrower_id
      WHERE c.lender_id = ? AND c.stage IN ('new', 'collection', 'negotiation') AND c.overdue_since < ? ORDER BY c.overdue_since, c.case_no LIMIT ?`).all(lenderId, addDays(today, -180), REPORT_LIST_ROWS) as { caseNo: string; borrowerName: string; since: string; p: number }[]
  return [
    ...plans.map((p) => ({ caseNo: p.caseNo, borrowerName: p.borrowerName, matter: '还款方案待确认', detail: `方案总额 ${formatFen(p.totalFen)} 元${p.reductionFen ? `，减免 ${formatFen(p.reductionFen)} 元` : ''}` })),
    ...d.limitation.rows.slice(0, REPORT_LIST_ROWS).map((r) => ({ caseNo: r.caseNo, borrowerName: r.borrowerName, matter: '诉讼时效临近', detail: `合同 ${r.contractNo} 时效于 ${r.expiry} 届满（剩余 ${r.daysLeft} 天），请决定是否起诉` })),
    ...old.map((o) => ({ caseNo: o.caseNo, borrowerName: o.borrowerName, matter: '建议起诉', detail: `逾期超过180天（自 ${o.since} 起），未还本金 ${formatFen(o.p)} 元，请决定是否提起诉讼` })),
  ]
}

export const stageZh = (s: Stage) => STAGE_LABELS[s].zh
const chinaDate = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
