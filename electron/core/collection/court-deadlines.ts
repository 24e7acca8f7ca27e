import { addDays, daysBetween } from '../../../shared/domain/date'
import type { CaseDeadlines, DeadlineRow } from '../../../shared/domain/collection'
import { appendAudit, type Executor } from '../audit/log'
import type { WorkCalendar } from '../law/calendar'
import { dueDate, type DeadlineKind } from '../law/deadlines'
import { limitationForCases } from './limitation-inputs'

/**
 * Court deadlines from recorded court events, kept in the `deadlines` table so the work queue and the case
 * page read them directly:
 * - 送达 (served) of a judgment / ruling → appeal in 15 / 10 days (the latest judgment or ruling on or before service);
 *   and the 2-year enforcement period from the day the judgment takes effect (the day after the appeal period).
 *   A judgment that sets a time for performance starts that period later still, so this date is the safe one;
 * - 支付令 received by the debtor → 15 days to object;
 * - 诉前保全 (preservation before any filing) → 30 days to sue;
 * - a hearing → its own date.
 * Limitation per loan is stored beside them (kind `limitation`, with its loan) and recomputed with each event.
 */

export interface ComputedDeadline {
  kind: DeadlineKind | 'hearing'
  loanId: string | null
  from: string
  due: string
  basis: string
}

export async function computeCourtDeadlines(ex: Executor, caseId: string, calendar: WorkCalendar): Promise<ComputedDeadline[]> {
  const events = await ex.selectFrom('court_events').selectAll().where('case_id', '=', caseId).orderBy('date').orderBy('id').execute()
  const kase = await ex.selectFrom('cases').select('filing_date').where('id', '=', caseId).executeTakeFirstOrThrow()
  const out: ComputedDeadline[] = []
  const add = (kind: DeadlineKind, from: string, note = '') => {
    const r = dueDate(kind, from, calendar)
    out.push({ kind, loanId: null, from, due: r.due, basis: r.basis + note + (r.calendarWarning ? `（${r.calendarWarning.message}）` : '') })
    return r
  }
  const firstFiling = [kase.filing_date, ...events.filter((e) => e.kind === 'filing').map((e) => e.date)].filter((d): d is string => !!d).sort()[0]
  for (const e of events) {
    if (e.kind === 'served') {
      const decision = events.filter((d) => (d.kind === 'judgment' || d.kind === 'ruling') && d.date <= e.date).at(-1)
      const appeal = add(decision?.kind === 'ruling' ? 'appeal-ruling' : 'appeal-judgment', e.date)
      if (decision?.kind !== 'ruling') add('enforcement', addDays(appeal.due, 1), '。按判决生效之日起算；判决另定履行期间的，自该期间最后一日起算（更晚），按此日办理不会逾期')
    } else if (e.kind === 'payment_order') {
      add('payment-order-objection', e.date)
    } else if (e.kind === 'preservation' && (!firstFiling || firstFiling > e.date)) {
      add('sue-after-preservation', e.date)
    } else if (e.kind === 'hearing') {
      out.push({ kind: 'hearing', loanId: null, from: e.date, due: e.date, basis: `开庭${e.court ? `：${e.court}` : ''}${e.note ? `（${e.note}）` : ''}` })
    }
  }
  return out
}

/** Recompute the case's deadlines and store them; a deadline marked done or dismissed keeps its mark while it stays the same. */
export async function refreshCaseDeadlines(ex: Executor, caseId: string, today: string, calendar: WorkCalendar, audit: { actor: string; at: string; newId: () => string }): Promise<void> {
  const computed = await computeCourtDeadlines(ex, caseId, calendar)
  for (const l of (await limitationForCases(ex, [caseId], today, calendar)).get(caseId) ?? []) {
    if (l.expiry) computed.push({ kind: 'limitation', loanId: l.loanId, from: l.runs.at(-1)!.from, due: l.expiry, basis: `诉讼时效（合同 ${l.contractNo}）` })
  }
  const key = (d: { kind: string; loan_id?: string | null; loanId?: string | null; from_date?: string; from?: string; due_date?: string; due?: string }) =>
    `${d.kind}|${d.loan_id ?? d.loanId ?? ''}|${d.from_date ?? d.from}|${d.due_date ?? d.due}`
  const stored = await ex.selectFrom('deadlines').selectAll().where('case_id', '=', caseId).execute()
  const wanted = new Map(computed.map((c) => [key(c), c]))
  const have = new Map(stored.map((s) => [key(s), s]))
  const removed = stored.filter((s) => !wanted.has(key(s)))
  const added = computed.filter((c) => !have.has(key(c)))
  if (!removed.length && !added.length) return
  if (removed.length) await ex.deleteFrom('deadlines').where('id', 'in', removed.map((r) => r.id)).execute()
  for (const c of added) {
    await ex.insertInto('deadlines').values({ id: audit.newId(), case_id: caseId, loan_id: c.loanId, kind: c.kind, from_date: c.from, due_date: c.due, basis: c.basis, status: 'open', created_at: audit.at }).execute()
  }
  await appendAudit(ex, {
    actor: audit.actor, at: audit.at, entity: 'case', entityId: caseId, action: 'deadlines',
    diff: { added: added.map((a) => ({ kind: a.kind, due: a.due })), removed: removed.map((r) => ({ kind: r.kind, due: r.due_date })) },
  })
}

/** 90 / 30 / 7 when at most that many days are left and the day has not passed. */
export function warningLevel(daysLeft: number): 90 | 30 | 7 | null {
  return daysLeft < 0 ? null : daysLeft <= 7 ? 7 : daysLeft <= 30 ? 30 : daysLeft <= 90 ? 90 : null
}

/** The stored deadlines of a case, soonest first, and the live limitation of each loan. */
export async function caseDeadlines(ex: Executor, caseId: string, today: string, calendar: WorkCalendar): Promise<CaseDeadlines> {
  const rows = await ex.selectFrom('deadlines').selectAll().where('case_id', '=', caseId).orderBy('due_date').orderBy('kind').execute()
  const deadlines: DeadlineRow[] = rows.map((r) => {
    const daysLeft = daysBetween(today, r.due_date)
    return { id: r.id, caseId: r.case_id, loanId: r.loan_id, kind: r.kind, from: r.from_date, due: r.due_date, basis: r.basis, status: r.status as DeadlineRow['status'], daysLeft, warning: r.status === 'open' ? warningLevel(daysLeft) : null }
  })
  const limitation = (await limitationForCases(ex, [caseId], today, calendar)).get(caseId) ?? []
  return { deadlines, limitation }
}
