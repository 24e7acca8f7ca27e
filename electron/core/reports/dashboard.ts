import type BetterSqlite3 from 'better-sqlite3'
import type { Dashboard, LawyerWorkload, LenderFigures, LimitationRisk } from '../../../shared/domain/report'
import { actionsThisWeek, firstOpened, monthFigures, promiseFigures, recoveryCells } from './flows'
import { LIMITATION_METHOD } from './limitation-risk'
import { caseScope, reportPeriod, weekStart, type ParsedReportFilter } from './scope'
import { stockFigures } from './stock'

/** How many limitation-risk rows the dashboard carries (the counts cover all of them). */
export const LIMITATION_ROWS = 200

/**
 * The dashboard's numbers for a filter on `today`: every figure is a SQL aggregate over the store; this
 * function only rolls the grouped rows up into the shapes the screen, the CLI and the reports read.
 * `risks` are the whole book's limitation risks (see createLimitationCache); they are filtered here.
 */
export function computeDashboard(raw: BetterSqlite3.Database, f: ParsedReportFilter, today: string, risks: LimitationRisk[]): Dashboard {
  const scope = caseScope(f)
  const period = reportPeriod(f, today)
  const stock = stockFigures(raw, scope, today)
  const opened = firstOpened(raw, scope)
  const recoveries = recoveryCells(raw, scope, period.fromDate, period.toDate, opened)
  const months = monthFigures(raw, scope, period, recoveries, opened)
  const actions = actionsThisWeek(raw, scope, weekStart(today))
  const recoveredBy = <K>(key: (r: (typeof recoveries)[number]) => K) => {
    const m = new Map<K, number>()
    for (const r of recoveries) m.set(key(r), (m.get(key(r)) ?? 0) + r.recoveredFen)
    return m
  }
  const byOwnerRecovered = recoveredBy((r) => r.owner)
  const byLenderRecovered = recoveredBy((r) => r.lenderId)

  const owners = new Set<string | null>([...stock.byOwner.keys(), ...actions.keys(), ...byOwnerRecovered.keys()])
  const lawyers: LawyerWorkload[] = [...owners].map((owner) => ({
    owner,
    openCases: stock.byOwner.get(owner)?.count ?? 0,
    principalOutstandingFen: stock.byOwner.get(owner)?.principalFen ?? 0,
    actionsThisWeek: actions.get(owner) ?? 0,
    recoveredFen: byOwnerRecovered.get(owner) ?? 0,
  }))
  lawyers.sort((a, b) => b.openCases - a.openCases || (a.owner ?? '').localeCompare(b.owner ?? ''))

  const names = new Map((raw.prepare('SELECT id, name FROM lenders').all() as { id: string; name: string }[]).map((l) => [l.id, l.name]))
  const lenderIds = new Set<string>([...stock.byLender.keys(), ...byLenderRecovered.keys()])
  const lenders: LenderFigures[] = [...lenderIds].map((lenderId) => ({
    lenderId,
    lenderName: names.get(lenderId) ?? lenderId,
    openCases: stock.byLender.get(lenderId)?.count ?? 0,
    principalOutstandingFen: stock.byLender.get(lenderId)?.principalFen ?? 0,
    recoveredFen: byLenderRecovered.get(lenderId) ?? 0,
  }))
  lenders.sort((a, b) => b.principalOutstandingFen - a.principalOutstandingFen || a.lenderName.localeCompare(b.lenderName))

  const limitation = risks.filter((r) => (!f.lenderId || r.lenderId === f.lenderId) && (!f.owner || r.owner === f.owner) && (!f.stage || r.stage === f.stage))
  const openCases = stock.funnel.filter((s) => s.stage !== 'closed').reduce((n, s) => n + s.count, 0)
  const casesWithin = (days: number) => new Set(limitation.filter((r) => r.daysLeft <= days).map((r) => r.caseId)).size
  return {
    asOf: today,
    filter: { ...(f.lenderId && { lenderId: f.lenderId }), ...(f.owner && { owner: f.owner }), ...(f.stage && { stage: f.stage }) },
    period: { from: period.from, to: period.to },
    totals: {
      openCases,
      principalOutstandingFen: stock.funnel.filter((s) => s.stage !== 'closed').reduce((n, s) => n + s.principalFen, 0),
      closedCases: stock.funnel.find((s) => s.stage === 'closed')!.count,
      recoveredFen: months.reduce((n, m) => n + m.recoveredFen, 0),
      placedCases: months.reduce((n, m) => n + m.placedCases, 0),
    },
    current: stock.current,
    aging: stock.aging,
    funnel: stock.funnel,
    months,
    promises: promiseFigures(raw, scope, period.fromDate, period.toDate, today),
    lawyers,
    lenders,
    limitation: { within30: casesWithin(30), within90: casesWithin(90), rows: limitation.slice(0, LIMITATION_ROWS), method: LIMITATION_METHOD },
  }
}
