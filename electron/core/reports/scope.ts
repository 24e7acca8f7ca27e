import type { z } from 'zod'
import type { reportFilter } from '../../../shared/domain/report'
import { addDays, addMonths, daysInMonth } from '../../../shared/domain/date'

export type ParsedReportFilter = z.output<typeof reportFilter>

/**
 * The part of a report query that picks cases: a WHERE fragment over the cases table (alias `c`) and its
 * named parameters. Plain SQL because the dashboard's aggregates are hand-shaped for the indexes of
 * 0004-reports (see bench/dashboard.bench.ts).
 */
export interface CaseScope {
  where: string
  params: Record<string, string>
}

export function caseScope(f: ParsedReportFilter, alias = 'c'): CaseScope {
  const parts: string[] = []
  const params: Record<string, string> = {}
  if (f.lenderId) (parts.push(`${alias}.lender_id = @lenderId`), (params.lenderId = f.lenderId))
  if (f.owner) (parts.push(`${alias}.owner = @owner`), (params.owner = f.owner))
  if (f.stage) (parts.push(`${alias}.stage = @stage`), (params.stage = f.stage))
  return { where: parts.length ? parts.join(' AND ') : '1', params }
}

/** The report's period as whole months and as dates: without one, the twelve months ending this month. */
export function reportPeriod(f: ParsedReportFilter, today: string): { from: string; to: string; fromDate: string; toDate: string } {
  const to = f.to ?? today.slice(0, 7)
  const from = f.from ?? addMonths(`${to}-01`, -11).slice(0, 7)
  return { from, to, fromDate: `${from}-01`, toDate: monthEnd(to) }
}

export function monthEnd(month: string): string {
  return `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`
}

/** Every `YYYY-MM` from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let m = from; m <= to; m = addMonths(`${m}-01`, 1).slice(0, 7)) out.push(m)
  return out
}

/** Midnight of a China calendar date as an ISO UTC timestamp, to compare with created_at / at columns. */
export function chinaMidnightIso(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString()
}

/** Monday of the week `today` falls in (China calendar). */
export function weekStart(today: string): string {
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(today, -((dow + 6) % 7))
}
