import type BetterSqlite3 from 'better-sqlite3'
import { addDays } from '../../../shared/domain/date'
import { AGING_BUCKETS, type AgingBucket, type CountAmount } from '../../../shared/domain/report'
import { STAGES, type Stage } from '../../../shared/domain/enums'
import type { CaseScope } from './scope'

/**
 * The book as it stands today, in one pass over the covering index cases_report (0004): open and closed
 * cases grouped by lender, owner, stage and days-past-due bucket. Days past due are never stored; a bucket
 * is a range of overdue_since relative to today (M1 = 1–30 days: today−30 ≤ overdue_since < today), the same
 * edges as the case list's dpdBucket filter (shared/domain/enums DPD_BUCKET_RANGES).
 */
export interface StockCell {
  lenderId: string
  owner: string | null
  stage: Stage
  bucket: AgingBucket | 'current'
  count: number
  principalFen: number
}

export const BUCKET_SQL = `CASE
    WHEN c.overdue_since IS NULL OR c.overdue_since >= @today THEN 'current'
    WHEN c.overdue_since >= @d30 THEN 'M1'
    WHEN c.overdue_since >= @d60 THEN 'M2'
    WHEN c.overdue_since >= @d90 THEN 'M3'
    WHEN c.overdue_since >= @d180 THEN 'M4-M6'
    ELSE 'M6+' END`

export function bucketParams(today: string) {
  return { today, d30: addDays(today, -30), d60: addDays(today, -60), d90: addDays(today, -90), d180: addDays(today, -180) }
}

export function stockSql(scope: CaseScope): string {
  return `SELECT c.lender_id AS lenderId, c.owner AS owner, c.stage AS stage, ${BUCKET_SQL} AS bucket,
      count(*) AS count, total(c.principal_outstanding_fen) AS principalFen
    FROM cases c WHERE ${scope.where}
    GROUP BY c.lender_id, c.owner, c.stage, bucket`
}

export function stockCells(raw: BetterSqlite3.Database, scope: CaseScope, today: string): StockCell[] {
  const rows = raw.prepare(stockSql(scope)).all({ ...scope.params, ...bucketParams(today) }) as StockCell[]
  // total() is a float in SQLite; sums of integer fen below 2^53 are exact, made integers again here.
  for (const r of rows) r.principalFen = Math.round(r.principalFen)
  return rows
}

const zero = (): CountAmount => ({ count: 0, principalFen: 0 })

/** Roll the cells up into the dashboard's aging (open cases only), funnel and per-key totals. */
export function rollUpStock(cells: StockCell[]) {
  const aging = Object.fromEntries(AGING_BUCKETS.map((b) => [b, zero()])) as Record<AgingBucket, CountAmount>
  const current = zero()
  const funnel = new Map<Stage, CountAmount>(STAGES.map((s) => [s, zero()]))
  const byOwner = new Map<string | null, CountAmount>()
  const byLender = new Map<string, CountAmount>()
  const add = (t: CountAmount, c: StockCell) => ((t.count += c.count), (t.principalFen += c.principalFen))
  for (const c of cells) {
    add(funnel.get(c.stage)!, c)
    if (c.stage === 'closed') continue
    add(c.bucket === 'current' ? current : aging[c.bucket], c)
    if (!byOwner.has(c.owner)) byOwner.set(c.owner, zero())
    add(byOwner.get(c.owner)!, c)
    if (!byLender.has(c.lenderId)) byLender.set(c.lenderId, zero())
    add(byLender.get(c.lenderId)!, c)
  }
  return { aging, current, funnel: STAGES.map((stage) => ({ stage, ...funnel.get(stage)! })), byOwner, byLender }
}
