import type { LoanLimitation } from '../../../shared/domain/collection'
import type { Executor } from '../audit/log'
import type { WorkCalendar } from '../law/calendar'
import { limitationStatus, type LimitationEvent } from '../law/limitation'

/**
 * 诉讼时效 per loan from what the store records (LEGAL-RULES §D.1): the last instalment's due date, then every
 * interrupting event — a repayment (partial payment), a letter / SMS / e-mail demand with its delivery date
 * (counted only with a delivery proof: tracking number or receipt), an agreed repayment plan, and a filing
 * (suit, payment order, pre-suit preservation; the case's filing date), which holds the period until a
 * judgment or ruling is recorded, and a signed debt acknowledgement (债务确认书). A receipt exhibit that was
 * removed no longer proves a demand. Loaded in bulk for many cases at once, so the work queue stays fast.
 */

const DEMAND_CHANNELS = ['letter', 'lawyer_letter', 'sms', 'email'] as const

/** Limitation of every loan of the given cases, keyed by case id. */
export async function limitationForCases(ex: Executor, caseIds: readonly string[], today: string, calendar: WorkCalendar, extra?: LimitationExtras): Promise<Map<string, LoanLimitation[]>> {
  const out = new Map<string, LoanLimitation[]>()
  if (caseIds.length === 0) return out
  const chunks: string[][] = []
  for (let i = 0; i < caseIds.length; i += 500) chunks.push(caseIds.slice(i, i + 500) as string[])
  for (const ids of chunks) await limitationChunk(ex, ids, today, calendar, out, extra)
  return out
}

/** What a caller storing the result needs besides it: loans with no start date, and per loan the first input dated after today. */
export interface LimitationExtras {
  /** `${caseId}|${loanId}` of loans with neither a schedule nor a maturity date (no limitation can be computed). */
  noStart: Set<string>
  /** `${caseId}|${loanId}` → the earliest input dated after today: the result holds only until that day. */
  nextInput: Map<string, string>
}

async function limitationChunk(ex: Executor, ids: string[], today: string, calendar: WorkCalendar, out: Map<string, LoanLimitation[]>, extra?: LimitationExtras) {
  const loans = await ex
    .selectFrom('case_loans as cl')
    .innerJoin('loans as l', 'l.id', 'cl.loan_id')
    .select(['cl.case_id', 'l.id', 'l.contract_no', 'l.maturity_date'])
    .where('cl.case_id', 'in', ids)
    .execute()
  const loanIds = loans.map((l) => l.id)
  const lastDue = new Map<string, string>()
  // The earliest input dated after today, per loan and per case: the stored result must be recomputed from that day.
  const laterLoan = new Map<string, string>()
  const laterCase = new Map<string, string>()
  const later = (caseId: string, date: string) => laterCase.set(caseId, minDate(laterCase.get(caseId), date))
  const payments = new Map<string, string[]>()
  if (loanIds.length) {
    for (const s of await ex.selectFrom('schedule_items').select(['loan_id', (eb) => eb.fn.max('due_date').as('last')]).where('loan_id', 'in', loanIds).groupBy('loan_id').execute())
      lastDue.set(s.loan_id, s.last as string)
    for (const r of await ex.selectFrom('repayments').select(['loan_id', 'date']).where('loan_id', 'in', loanIds).execute()) {
      if (r.date <= today) (payments.get(r.loan_id) ?? payments.set(r.loan_id, []).get(r.loan_id)!).push(r.date)
      else laterLoan.set(r.loan_id, minDate(laterLoan.get(r.loan_id), r.date))
    }
  }
  const caseEvents = new Map<string, LimitationEvent[]>()
  const push = (caseId: string, e: LimitationEvent) => (caseEvents.get(caseId) ?? caseEvents.set(caseId, []).get(caseId)!).push(e)
  const demands = await ex
    .selectFrom('collection_actions as a')
    .leftJoin('evidence_items as e', (j) => j.onRef('e.id', '=', 'a.proof_evidence_id').on('e.removed_at', 'is', null))
    .select(['a.id', 'a.case_id', 'a.delivered_on', 'a.tracking_no', 'e.id as receipt_id'])
    .where('a.case_id', 'in', ids)
    .where('a.channel', 'in', DEMAND_CHANNELS)
    .where('a.target', '=', 'borrower')
    .where('a.delivered_on', 'is not', null)
    .execute()
  for (const d of demands) {
    if (d.delivered_on! <= today) push(d.case_id, { date: d.delivered_on!, kind: 'demand_delivered', proof: d.tracking_no ?? d.receipt_id ?? undefined, ref: d.id })
    else later(d.case_id, d.delivered_on!)
  }
  for (const a of await ex.selectFrom('acknowledgements').select(['id', 'case_id', 'signed_on']).where('case_id', 'in', ids).execute()) {
    if (a.signed_on <= today) push(a.case_id, { date: a.signed_on, kind: 'acknowledgement', ref: a.id })
    else later(a.case_id, a.signed_on)
  }
  for (const p of await ex.selectFrom('repayment_plans').select(['id', 'case_id', 'created_at']).where('case_id', 'in', ids).where('status', '!=', 'proposed').execute())
    push(p.case_id, { date: chinaDate(p.created_at), kind: 'plan', ref: p.id })
  const cases = await ex.selectFrom('cases').select(['id', 'filing_date']).where('id', 'in', ids).execute()
  const ended = new Map<string, string>()
  const filings = new Map<string, string[]>()
  for (const e of await ex.selectFrom('court_events').select(['case_id', 'kind', 'date']).where('case_id', 'in', ids).execute()) {
    if (e.date > today) {
      if (e.kind !== 'hearing' && e.kind !== 'served' && !e.kind.startsWith('enforcement')) later(e.case_id, e.date)
      continue
    }
    if (e.kind === 'judgment' || e.kind === 'ruling') ended.set(e.case_id, e.date > (ended.get(e.case_id) ?? '') ? e.date : ended.get(e.case_id)!)
    if (e.kind === 'filing' || e.kind === 'payment_order' || e.kind === 'preservation') (filings.get(e.case_id) ?? filings.set(e.case_id, []).get(e.case_id)!).push(e.date)
  }
  for (const c of cases) {
    if (c.filing_date && c.filing_date > today) later(c.id, c.filing_date)
    const dates = new Set([...(filings.get(c.id) ?? []), ...(c.filing_date && c.filing_date <= today ? [c.filing_date] : [])])
    const end = ended.get(c.id)
    for (const date of dates) push(c.id, { date, kind: 'filing', ...(end && end >= date ? { proceedingsEnded: end } : {}) })
  }

  for (const l of loans) {
    const start = lastDue.get(l.id) ?? l.maturity_date
    const key = `${l.case_id}|${l.id}`
    const next = minDate(laterLoan.get(l.id), laterCase.get(l.case_id))
    if (extra && next) extra.nextInput.set(key, next)
    if (!start) {
      extra?.noStart.add(key)
      continue
    }
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

function minDate(a: string | undefined, b: string): string
function minDate(a: string | undefined, b: string | undefined): string | undefined
function minDate(a: string | undefined, b: string | undefined): string | undefined {
  return a === undefined ? b : b === undefined || a <= b ? a : b
}
