import type { LoanLimitation } from '../../../shared/domain/collection'
import type { Executor } from '../audit/log'
import type { WorkCalendar } from '../law/calendar'
import { limitationStatus, type LimitationEvent } from '../law/limitation'

/**
 * 诉讼时效 per loan from what the store records (LEGAL-RULES §D.1): the last instalment's due date, then every
 * interrupting event — a repayment (partial payment), a letter / SMS / e-mail demand with its delivery date
 * (counted only with a delivery proof: tracking number or receipt), an agreed repayment plan, and a filing
 * (suit, payment order, pre-suit preservation; the case's filing date), which holds the period until a
 * judgment or ruling is recorded. Loaded in bulk for many cases at once, so the work queue stays fast.
 */

const DEMAND_CHANNELS = ['letter', 'lawyer_letter', 'sms', 'email'] as const

/** Limitation of every loan of the given cases, keyed by case id. */
export async function limitationForCases(ex: Executor, caseIds: readonly string[], today: string, calendar: WorkCalendar): Promise<Map<string, LoanLimitation[]>> {
  const out = new Map<string, LoanLimitation[]>()
  if (caseIds.length === 0) return out
  const chunks: string[][] = []
  for (let i = 0; i < caseIds.length; i += 500) chunks.push(caseIds.slice(i, i + 500) as string[])
  for (const ids of chunks) await limitationChunk(ex, ids, today, calendar, out)
  return out
}

async function limitationChunk(ex: Executor, ids: string[], today: string, calendar: WorkCalendar, out: Map<string, LoanLimitation[]>) {
  const loans = await ex
    .selectFrom('case_loans as cl')
    .innerJoin('loans as l', 'l.id', 'cl.loan_id')
    .select(['cl.case_id', 'l.id', 'l.contract_no', 'l.maturity_date'])
    .where('cl.case_id', 'in', ids)
    .execute()
  const loanIds = loans.map((l) => l.id)
  const lastDue = new Map<string, string>()
  const payments = new Map<string, string[]>()
  if (loanIds.length) {
    for (const s of await ex.selectFrom('schedule_items').select(['loan_id', (eb) => eb.fn.max('due_date').as('last')]).where('loan_id', 'in', loanIds).groupBy('loan_id').execute())
      lastDue.set(s.loan_id, s.last as string)
    for (const r of await ex.selectFrom('repayments').select(['loan_id', 'date']).where('loan_id', 'in', loanIds).where('date', '<=', today).execute())
      (payments.get(r.loan_id) ?? payments.set(r.loan_id, []).get(r.loan_id)!).push(r.date)
  }
  const caseEvents = new Map<string, LimitationEvent[]>()
  const push = (caseId: string, e: LimitationEvent) => (caseEvents.get(caseId) ?? caseEvents.set(caseId, []).get(caseId)!).push(e)
  const demands = await ex
    .selectFrom('collection_actions')
    .select(['id', 'case_id', 'delivered_on', 'tracking_no', 'proof_evidence_id'])
    .where('case_id', 'in', ids)
    .where('channel', 'in', DEMAND_CHANNELS)
    .where('target', '=', 'borrower')
    .where('delivered_on', 'is not', null)
    .execute()
  for (const d of demands) if (d.delivered_on! <= today) push(d.case_id, { date: d.delivered_on!, kind: 'demand_delivered', proof: d.tracking_no ?? d.proof_evidence_id ?? undefined, ref: d.id })
  for (const p of await ex.selectFrom('repayment_plans').select(['id', 'case_id', 'created_at']).where('case_id', 'in', ids).where('status', '!=', 'proposed').execute())
    push(p.case_id, { date: chinaDate(p.created_at), kind: 'plan', ref: p.id })
  const cases = await ex.selectFrom('cases').select(['id', 'filing_date']).where('id', 'in', ids).execute()
  const ended = new Map<string, string>()
  const filings = new Map<string, string[]>()
  for (const e of await ex.selectFrom('court_events').select(['case_id', 'kind', 'date']).where('case_id', 'in', ids).where('date', '<=', today).execute()) {
    if (e.kind === 'judgment' || e.kind === 'ruling') ended.set(e.case_id, e.date > (ended.get(e.case_id) ?? '') ? e.date : ended.get(e.case_id)!)
    if (e.kind === 'filing' || e.kind === 'payment_order' || e.kind === 'preservation') (filings.get(e.case_id) ?? filings.set(e.case_id, []).get(e.case_id)!).push(e.date)
  }
  for (const c of cases) {
    const dates = new Set([...(filings.get(c.id) ?? []), ...(c.filing_date && c.filing_date <= today ? [c.filing_date] : [])])
    const end = ended.get(c.id)
    for (const date of dates) push(c.id, { date, kind: 'filing', ...(end && end >= date ? { proceedingsEnded: end } : {}) })
  }

  for (const l of loans) {
    const start = lastDue.get(l.id) ?? l.maturity_date
    if (!start) continue
    const events = [...(caseEvents.get(l.case_id) ?? []), ...(payments.get(l.id) ?? []).map((date): LimitationEvent => ({ date, kind: 'partial_payment' }))]
    const s = limitationStatus({ lastInstalmentDue: start, events, today }, calendar)
    const row: LoanLimitation = {
      loanId: l.id,
      contractNo: l.contract_no,
      state: s.state,
      start: s.start,
      expiry: s.expiry,
      daysLeft: s.daysLeft,
      warning: s.warning ? { level: s.warning.level, message: s.warning.message, messageEn: s.warning.messageEn } : null,
      runs: s.runs.map((r) => ({ from: r.from, cause: r.cause, due: r.due, rolledFrom: r.rolledFrom })),
      ignored: s.ignored.map((i) => ({ date: i.event.date, kind: i.event.kind, reason: i.reason, reasonEn: i.reasonEn })),
      afterExpiry: s.afterExpiry,
      ...(s.calendarWarning ? { calendarWarning: s.calendarWarning } : {}),
    }
    ;(out.get(l.case_id) ?? out.set(l.case_id, []).get(l.case_id)!).push(row)
  }
}

/** The China calendar date of an ISO UTC timestamp. */
export function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)
}
