import { daysBetween } from '../../../shared/domain/date'
import type { Executor } from '../audit/log'
import type { WorkCalendar } from '../law/calendar'
import { limitationForCases, type LimitationExtras } from './limitation-inputs'

/**
 * Each loan's limitation, read from `loan_limitation` instead of recomputed for every open case on every
 * call of the work queue. A stored row holds what does not depend on today (the expiry, or that proceedings
 * hold the period); today's state and days left follow from it exactly as the engine derives them. A row is
 * recomputed when it is missing (migration 0008's triggers delete it whenever an input changes, whichever
 * door wrote it), when the holiday calendar changed, when an input dated after the day it was computed is
 * now due (`valid_until`), or when the clock went back.
 */

export interface LoanLimitationNow {
  caseId: string
  loanId: string
  contractNo: string
  state: 'running' | 'suspended_by_proceedings' | 'expired'
  expiry: string | null
  daysLeft: number | null
}

/** The limitation today of every loan of the cases selected by `open` (all cases not closed when absent). */
export async function storedLimitation(ex: Executor, today: string, calendar: WorkCalendar, calendarKey: string, caseIds?: readonly string[]): Promise<LoanLimitationNow[]> {
  const read = async () => {
    let q = ex
      .selectFrom('case_loans as cl')
      .innerJoin('cases as c', 'c.id', 'cl.case_id')
      .innerJoin('loans as l', 'l.id', 'cl.loan_id')
      .leftJoin('loan_limitation as ll', (j) => j.onRef('ll.case_id', '=', 'cl.case_id').onRef('ll.loan_id', '=', 'cl.loan_id'))
      .select(['cl.case_id', 'cl.loan_id', 'l.contract_no', 'll.state', 'll.expiry', 'll.computed_on', 'll.valid_until', 'll.calendar_key'])
    q = caseIds ? q.where('cl.case_id', 'in', caseIds) : q.where('c.stage', '!=', 'closed')
    return q.execute()
  }
  let rows = await read()
  const stale = new Set<string>()
  for (const r of rows) {
    if (!r.state || r.calendar_key !== calendarKey || r.computed_on! > today || (r.valid_until !== null && r.valid_until <= today)) stale.add(r.case_id)
  }
  if (stale.size) {
    await recompute(ex, [...stale], today, calendar, calendarKey)
    rows = await read()
  }
  const out: LoanLimitationNow[] = []
  for (const r of rows) {
    if (r.state === 'no_start') continue
    const base = { caseId: r.case_id, loanId: r.loan_id, contractNo: r.contract_no }
    if (r.state === 'suspended') out.push({ ...base, state: 'suspended_by_proceedings', expiry: null, daysLeft: null })
    else {
      const daysLeft = daysBetween(today, r.expiry!)
      out.push({ ...base, state: daysLeft < 0 ? 'expired' : 'running', expiry: r.expiry, daysLeft })
    }
  }
  return out
}

/** Compute the cases' loans afresh with the engine and store what holds beyond today. */
async function recompute(ex: Executor, caseIds: string[], today: string, calendar: WorkCalendar, calendarKey: string): Promise<void> {
  const extra: LimitationExtras = { noStart: new Set(), nextInput: new Map() }
  const fresh = await limitationForCases(ex, caseIds, today, calendar, extra)
  const rows: { case_id: string; loan_id: string; state: 'dated' | 'suspended' | 'no_start'; expiry: string | null; computed_on: string; valid_until: string | null; calendar_key: string }[] = []
  const row = (caseId: string, loanId: string, state: 'dated' | 'suspended' | 'no_start', expiry: string | null) =>
    rows.push({ case_id: caseId, loan_id: loanId, state, expiry, computed_on: today, valid_until: extra.nextInput.get(`${caseId}|${loanId}`) ?? null, calendar_key: calendarKey })
  for (const [caseId, loans] of fresh) for (const l of loans) row(caseId, l.loanId, l.state === 'suspended_by_proceedings' ? 'suspended' : 'dated', l.expiry)
  for (const key of extra.noStart) {
    const [caseId, loanId] = key.split('|')
    row(caseId, loanId, 'no_start', null)
  }
  for (let i = 0; i < caseIds.length; i += 500) await ex.deleteFrom('loan_limitation').where('case_id', 'in', caseIds.slice(i, i + 500)).execute()
  // 7 columns a row: 100 rows stay well under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 100) await ex.insertInto('loan_limitation').values(rows.slice(i, i + 100)).execute()
}
