import type BetterSqlite3 from 'better-sqlite3'
import { addDays } from '../../../shared/domain/date'
import { AGING_BUCKETS, type AgingBucket, type CountAmount } from '../../../shared/domain/report'
import { STAGES, type Stage } from '../../../shared/domain/enums'
import type { CaseScope } from './scope'

/**
 * The book as it stands today. Per lender, owner and stage the counts come from the running tallies of
 * 0011-report-tallies (a few hundred rows kept by triggers on cases), whatever the filter. The aging buckets
 * are ranges of overdue_since relative to today: days past due are never stored (M1 = 1–30 days:
 * today−30 ≤ overdue_since < today), the same edges as the case list's dpdBucket filter (shared/domain/enums
 * DPD_BUCKET_RANGES). Unfiltered or by stage they are ranges of the stage × overdue_since tally; by lender or
 * owner, five index ranges of cases_aging / cases_report (0004-reports). Plans in test/db/reports-plans.
 */
export interface StockGroup {
  lenderId: string
  owner: string | null
  stage: Stage
  count: number
  principalFen: number
}

/** The tally rows of the scope (the tally is aliased `c`: the scope's columns lender_id, owner and stage are its own). */
export function groupsSql(scope: CaseScope): string {
  return `SELECT c.lender_id AS lenderId, c.owner AS owner, c.stage AS stage, c.n AS count, c.principal_fen AS principalFen
    FROM report_tally_groups c WHERE c.n > 0 AND ${scope.where}`
}

/** Whether a scope narrows by columns the stage × overdue_since tally does not have. */
export const byLenderOrOwner = (scope: CaseScope) => 'lenderId' in scope.params || 'owner' in scope.params

/** [from, to) of overdue_since for each bucket, from bucketParams; null = open-ended. */
const RANGES: Record<AgingBucket, [string | null, string]> = { M1: ['d30', 'today'], M2: ['d60', 'd30'], M3: ['d90', 'd60'], 'M4-M6': ['d180', 'd90'], 'M6+': [null, 'd180'] }

export function agingSql(scope: CaseScope): string {
  const [from, count, principal] = byLenderOrOwner(scope)
    ? ['cases c', 'count(*)', 'total(c.principal_outstanding_fen)']
    : ['report_tally_overdue c', 'total(c.n)', 'total(c.principal_fen)']
  return AGING_BUCKETS.map((b) => {
    const [lo, hi] = RANGES[b]
    return `SELECT '${b}' AS bucket, ${count} AS count, ${principal} AS principalFen FROM ${from}
      WHERE ${lo ? `c.overdue_since >= @${lo}` : 'c.overdue_since IS NOT NULL'} AND c.overdue_since < @${hi} AND c.stage <> 'closed' AND ${scope.where}`
  }).join(' UNION ALL ')
}

export function bucketParams(today: string) {
  return { today, d30: addDays(today, -30), d60: addDays(today, -60), d90: addDays(today, -90), d180: addDays(today, -180) }
}

const zero = (): CountAmount => ({ count: 0, principalFen: 0 })

/** The stock figures: aging (open cases), funnel (every stage), open cases per owner and per lender, and the not-overdue rest. */
export function stockFigures(raw: BetterSqlite3.Database, scope: CaseScope, today: string) {
  // total() is a float in SQLite; sums of integer fen below 2^53 are exact, made integers again here.
  const groups = raw.prepare(groupsSql(scope)).all(scope.params) as StockGroup[]
  const agingRows = raw.prepare(agingSql(scope)).all({ ...scope.params, ...bucketParams(today) }) as { bucket: AgingBucket; count: number; principalFen: number }[]
  const aging = Object.fromEntries(AGING_BUCKETS.map((b) => [b, zero()])) as Record<AgingBucket, CountAmount>
  for (const r of agingRows) aging[r.bucket] = { count: Math.round(r.count), principalFen: Math.round(r.principalFen) }

  const funnel = new Map<Stage, CountAmount>(STAGES.map((s) => [s, zero()]))
  const byOwner = new Map<string | null, CountAmount>()
  const byLender = new Map<string, CountAmount>()
  const open = zero()
  const add = (t: CountAmount, c: CountAmount) => ((t.count += c.count), (t.principalFen += c.principalFen))
  for (const g of groups) {
    add(funnel.get(g.stage)!, g)
    if (g.stage === 'closed') continue
    add(open, g)
    if (!byOwner.has(g.owner)) byOwner.set(g.owner, zero())
    add(byOwner.get(g.owner)!, g)
    if (!byLender.has(g.lenderId)) byLender.set(g.lenderId, zero())
    add(byLender.get(g.lenderId)!, g)
  }
  const current = { ...open }
  for (const b of AGING_BUCKETS) ((current.count -= aging[b].count), (current.principalFen -= aging[b].principalFen))
  return { aging, current, funnel: STAGES.map((stage) => ({ stage, ...funnel.get(stage)! })), byOwner, byLender }
}
