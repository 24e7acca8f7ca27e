import type BetterSqlite3 from 'better-sqlite3'
import type { MonthFigures, PromiseFigures } from '../../../shared/domain/report'
import { chinaMidnightIso, monthsBetween, type CaseScope } from './scope'

/**
 * What moved in the period: money recovered, cases placed, promises kept, actions logged. Each query
 * starts from the narrowest dated index of 0004-reports and joins the case for the filters (CROSS JOIN
 * pins that order: with few promises or actions on record the planner would otherwise walk every case).
 */

/**
 * Recovered = repayments dated in the period on a case already open on that date (money that came back
 * before the case was placed with us is not our recovery), grouped by month, lender and owner. The range
 * starts no earlier than the first case of the scope was opened (@since), so the historical repayments an
 * import brings in are never walked.
 */
export function recoveriesSql(scope: CaseScope): string {
  return `SELECT substr(r.date, 1, 7) AS month, c.lender_id AS lenderId, c.owner AS owner,
      count(*) AS repayments, total(r.amount_fen) AS recoveredFen
    FROM repayments r
    CROSS JOIN case_loans cl ON cl.loan_id = r.loan_id
    CROSS JOIN cases c ON c.id = cl.case_id
    WHERE r.date >= @since AND r.date <= @toDate AND r.date >= c.opened_on AND ${scope.where}
    GROUP BY month, c.lender_id, c.owner`
}

/** The day the first case of the scope was opened (the cases_opened index answers it at its first entry). */
export function firstOpened(raw: BetterSqlite3.Database, scope: CaseScope): string | null {
  return raw.prepare(`SELECT min(c.opened_on) FROM cases c WHERE ${scope.where}`).pluck().get(scope.params) as string | null
}

const later = (a: string, b: string | null) => (b && b > a ? b : a)

export interface RecoveryCell {
  month: string
  lenderId: string
  owner: string | null
  repayments: number
  recoveredFen: number
}

export function recoveryCells(raw: BetterSqlite3.Database, scope: CaseScope, fromDate: string, toDate: string, opened: string | null): RecoveryCell[] {
  if (!opened) return []
  const rows = raw.prepare(recoveriesSql(scope)).all({ ...scope.params, since: later(fromDate, opened), toDate }) as RecoveryCell[]
  for (const r of rows) r.recoveredFen = Math.round(r.recoveredFen)
  return rows
}

/**
 * Cases placed (opened) in the period, by month, with the principal outstanding when they were placed:
 * today's principal outstanding plus the principal repaid since (the same booking as cases/figures.ts, a
 * repayment not split counting wholly to principal). Unfiltered, the first part is a range of the opened_on
 * tally (0011-report-tallies); filtered, of the covering index cases_opened. The second part reads repayments_date.
 */
export function placedSql(scope: CaseScope): string {
  // Grouped by day (the index order, no sort) and rolled up to months by the caller.
  if (scope.where === '1')
    return `SELECT c.opened_on AS day, c.n AS placedCases, c.principal_fen AS placedFen FROM report_tally_opened c
      WHERE c.opened_on >= @fromDate AND c.opened_on <= @toDate AND c.n > 0`
  return `SELECT c.opened_on AS day, count(*) AS placedCases, total(c.principal_outstanding_fen) AS placedFen
    FROM cases c
    WHERE c.opened_on >= @fromDate AND c.opened_on <= @toDate AND ${scope.where}
    GROUP BY c.opened_on`
}

export function placedRecoveredSql(scope: CaseScope): string {
  return `SELECT substr(c.opened_on, 1, 7) AS month, total(coalesce(r.principal_fen, r.amount_fen)) AS fen
    FROM repayments r
    CROSS JOIN case_loans cl ON cl.loan_id = r.loan_id
    CROSS JOIN cases c ON c.id = cl.case_id
    WHERE r.date >= @since AND r.date >= c.opened_on AND c.opened_on >= @fromDate AND c.opened_on <= @toDate AND ${scope.where}
    GROUP BY month`
}

export function monthFigures(raw: BetterSqlite3.Database, scope: CaseScope, period: { from: string; to: string; fromDate: string; toDate: string }, recoveries: RecoveryCell[], opened: string | null): MonthFigures[] {
  const months = new Map<string, MonthFigures>(monthsBetween(period.from, period.to).map((m) => [m, { month: m, recoveredFen: 0, repayments: 0, placedCases: 0, placedFen: 0 }]))
  for (const r of recoveries) {
    const m = months.get(r.month)!
    m.recoveredFen += r.recoveredFen
    m.repayments += r.repayments
  }
  const params = { ...scope.params, fromDate: period.fromDate, toDate: period.toDate }
  const placed = raw.prepare(placedSql(scope)).all(params) as { day: string; placedCases: number; placedFen: number }[]
  for (const p of placed) {
    const m = months.get(p.day.slice(0, 7))!
    m.placedCases += p.placedCases
    m.placedFen += Math.round(p.placedFen)
  }
  if (opened) {
    const back = raw.prepare(placedRecoveredSql(scope)).all({ ...params, since: later(period.fromDate, opened) }) as { month: string; fen: number }[]
    for (const b of back) months.get(b.month)!.placedFen += Math.round(b.fen)
  }
  return [...months.values()]
}

/** Promises that fell due in the period, up to yesterday (a promise due today can still be kept today). */
export function promisesSql(scope: CaseScope): string {
  return `SELECT p.status AS status, count(*) AS n, total(p.amount_fen) AS promised, total(p.kept_fen) AS kept
    FROM promises p CROSS JOIN cases c ON c.id = p.case_id
    WHERE p.due_date >= @fromDate AND p.due_date <= @toDate AND p.due_date < @today AND ${scope.where}
    GROUP BY p.status`
}

export function promiseFigures(raw: BetterSqlite3.Database, scope: CaseScope, fromDate: string, toDate: string, today: string): PromiseFigures {
  const rows = raw.prepare(promisesSql(scope)).all({ ...scope.params, fromDate, toDate, today }) as { status: string; n: number; promised: number; kept: number }[]
  const n = (s: string) => rows.find((r) => r.status === s)?.n ?? 0
  const f: PromiseFigures = { due: 0, kept: n('kept'), partlyKept: n('partly_kept'), broken: n('broken'), open: n('open'), keptRatePct: null, promisedFen: 0, keptFen: 0 }
  for (const r of rows) ((f.due += r.n), (f.promisedFen += Math.round(r.promised)), (f.keptFen += Math.round(r.kept)))
  f.keptRatePct = percent(f.kept, f.kept + f.partlyKept + f.broken)
  return f
}

/** part/whole as a percentage with one decimal, rounded half up, in integers: 2/3 → "66.7". */
export function percent(part: number, whole: number): string | null {
  if (whole === 0) return null
  const tenths = Math.floor((part * 2000 + whole) / (2 * whole)) // round(part*1000/whole)
  return `${Math.floor(tenths / 10)}.${tenths % 10}`
}

/** Collection actions logged since Monday 00:00 China time on each owner's cases. */
export function actionsSql(scope: CaseScope): string {
  return `SELECT c.owner AS owner, count(*) AS n
    FROM collection_actions a CROSS JOIN cases c ON c.id = a.case_id
    WHERE a.at >= @since AND ${scope.where}
    GROUP BY c.owner`
}

export function actionsThisWeek(raw: BetterSqlite3.Database, scope: CaseScope, weekStartDate: string): Map<string | null, number> {
  const rows = raw.prepare(actionsSql(scope)).all({ ...scope.params, since: chinaMidnightIso(weekStartDate) }) as { owner: string | null; n: number }[]
  return new Map(rows.map((r) => [r.owner, r.n]))
}
