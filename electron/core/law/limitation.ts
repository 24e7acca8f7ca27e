import { daysBetween, isIsoDate } from '../../../shared/domain/date'
import { UserError } from '../errors'
import type { WorkCalendar } from './calendar'
import { DEADLINE_RULES } from './deadlines'
import { periodEnd, type CalendarWarning } from './periods'

/**
 * 诉讼时效 for one loan (LEGAL-RULES.md §D.1):
 * - 3 years (民法典第188条), for instalment loans from the last instalment's due date (第189条);
 * - interrupted and restarted by a demand that reached the borrower (第195条(一), 时效规定第8条 — so only a
 *   demand with delivery proof counts here), by the borrower agreeing to perform: acknowledgement, partial
 *   payment, a repayment plan (第195条(二), 时效规定第14条), and by filing suit / a payment order / pre-suit
 *   preservation (第195条(三), 时效规定第11条), which restarts only when those proceedings end;
 * - after expiry nothing "interrupts" any more, but the borrower's written agreement to perform waives the
 *   defence (第192条第2款, 时效规定第19条).
 */

export type LimitationEventKind = 'demand_delivered' | 'acknowledgement' | 'partial_payment' | 'plan' | 'filing'

export interface LimitationEvent {
  date: string
  kind: LimitationEventKind
  /** For demand_delivered: the delivery proof (EMS number, signed receipt, SMS delivery record). Without it the demand is not counted. */
  proof?: string
  /** For filing: the day those proceedings ended (judgment took effect, withdrawal, rejection). Until then the period does not run. */
  proceedingsEnded?: string
  /** Caller's id, echoed back so the UI can link a run to its record. */
  ref?: string
}

export interface LimitationInput {
  lastInstalmentDue: string
  events: LimitationEvent[]
  today: string
}

export interface LimitationRun {
  /** The day this 3-year run counts from (not itself counted). */
  from: string
  cause: 'start' | LimitationEventKind | 'proceedings_ended' | 'waiver'
  ref?: string
  due: string
  rolledFrom: string | null
}

export interface IgnoredEvent {
  event: LimitationEvent
  reason: string
  reasonEn: string
}

export type LimitationState = 'running' | 'suspended_by_proceedings' | 'expired'

export interface LimitationWarning {
  /** The threshold crossed: 90, 30 or 7 days left. */
  level: 90 | 30 | 7
  daysLeft: number
  message: string
  messageEn: string
}

export interface AfterExpiryOption {
  zh: string
  en: string
  basis: string
}

export interface LimitationStatus {
  start: string
  runs: LimitationRun[]
  ignored: IgnoredEvent[]
  state: LimitationState
  /** Current expiry (last day a suit is still in time); null while proceedings are pending. */
  expiry: string | null
  rolledFrom: string | null
  /** Days from today to expiry; negative once expired; null while proceedings are pending. */
  daysLeft: number | null
  warning: LimitationWarning | null
  /** True when the current run was revived by the borrower's agreement after an earlier expiry. */
  revivedByWaiver: boolean
  /** What can still be done, when expired. */
  afterExpiry: AfterExpiryOption[] | null
  calendarWarning?: CalendarWarning
  basis: string
}

const RESTARTING: ReadonlySet<LimitationEventKind> = new Set(['demand_delivered', 'acknowledgement', 'partial_payment', 'plan'])

/** Limitation state of a loan on `today`, with every run and every event that did not count and why. */
export function limitationStatus(input: LimitationInput, calendar: WorkCalendar): LimitationStatus {
  validate(input)
  const events = [...input.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  const run = (from: string, cause: LimitationRun['cause'], ref?: string): LimitationRun => {
    const end = periodEnd(from, DEADLINE_RULES.limitation.length, 'year', calendar)
    if (end.calendarWarning) calendarWarning = end.calendarWarning
    return { from, cause, ...(ref ? { ref } : {}), due: end.due, rolledFrom: end.rolledFrom }
  }
  let calendarWarning: CalendarWarning | undefined
  const runs: LimitationRun[] = [run(input.lastInstalmentDue, 'start')]
  const ignored: IgnoredEvent[] = []
  const ignore = (event: LimitationEvent, reason: string, reasonEn: string) => ignored.push({ event, reason, reasonEn })
  let pending: LimitationEvent | null = null // a filing whose proceedings have not ended
  let revivedByWaiver = false

  for (const e of events) {
    const current = runs[runs.length - 1]
    // While suit, payment-order or preservation proceedings run (until they end) limitation does not run.
    if (pending || (current.cause === 'proceedings_ended' && e.date < current.from)) {
      ignore(e, '诉讼/督促/保全程序进行中，时效不计算，该事件无需另行中断', 'Proceedings are pending, so limitation is not running; the event changes nothing')
      continue
    }
    if (e.date < input.lastInstalmentDue) {
      ignore(e, '发生在诉讼时效起算之前（最后一期到期日之前），不改变起算日', 'Before limitation started (the last instalment due date); it does not move the start')
      continue
    }
    if (e.kind === 'demand_delivered' && !e.proof?.trim()) {
      ignore(e, '催收未记录送达凭证（EMS单号、签收、短信送达记录），无法证明到达，未计为中断（时效规定第8条）', 'No delivery proof recorded, so the demand cannot be shown to have arrived; not counted (SPC limitation rules art. 8)')
      continue
    }
    const expired = e.date > current.due
    if (!expired) {
      if (e.kind === 'filing') {
        if (e.proceedingsEnded) runs.push(run(e.proceedingsEnded, 'proceedings_ended', e.ref))
        else pending = e
      } else if (RESTARTING.has(e.kind)) {
        runs.push(run(e.date, e.kind, e.ref))
      }
      continue
    }
    // After expiry: only the borrower's own agreement to perform matters (waiver of the defence).
    if (e.kind === 'acknowledgement' || e.kind === 'plan') {
      runs.push(run(e.date, 'waiver', e.ref))
      revivedByWaiver = true
    } else if (e.kind === 'partial_payment') {
      ignore(e, '时效届满后的部分还款不得请求返还（民法典第192条第2款），但不一定视为放弃全部债务的时效抗辩；应取得借款人签字确认的还款承诺', 'A partial payment after expiry cannot be reclaimed (Civil Code art. 192(2)) but may not waive the defence for the whole debt; get a signed acknowledgement')
    } else if (e.kind === 'demand_delivered') {
      ignore(e, '时效已届满，催收不再产生中断效力；借款人在催收通知上签字确认的，按确认（放弃抗辩）记录', 'Limitation had expired; a demand no longer interrupts. If the borrower signed it, record an acknowledgement instead')
    } else {
      ignore(e, '时效届满后起诉：法院不主动适用诉讼时效（民法典第193条），借款人提出时效抗辩的，诉请可能被驳回', 'Filed after expiry: the court does not raise limitation itself (Civil Code art. 193); if the borrower pleads it the claim may fail')
    }
  }

  const last = runs[runs.length - 1]
  const base = { start: input.lastInstalmentDue, runs, ignored, revivedByWaiver, basis: DEADLINE_RULES.limitation.basis, ...(calendarWarning ? { calendarWarning } : {}) }
  if (pending) {
    return { ...base, state: 'suspended_by_proceedings', expiry: null, rolledFrom: null, daysLeft: null, warning: null, afterExpiry: null }
  }
  const daysLeft = daysBetween(input.today, last.due)
  const expired = daysLeft < 0
  return {
    ...base,
    state: expired ? 'expired' : 'running',
    expiry: last.due,
    rolledFrom: last.rolledFrom,
    daysLeft,
    warning: expired ? null : warningFor(daysLeft, last.due),
    afterExpiry: expired ? AFTER_EXPIRY : null,
  }
}

function warningFor(daysLeft: number, due: string): LimitationWarning | null {
  const level = daysLeft <= 7 ? 7 : daysLeft <= 30 ? 30 : daysLeft <= 90 ? 90 : null
  if (level === null) return null
  return {
    level,
    daysLeft,
    message: `诉讼时效将于 ${due} 届满，剩余 ${daysLeft} 天：请在届满前起诉、申请支付令，或送达催收函并保留送达凭证，或取得借款人书面确认。`,
    messageEn: `Limitation expires on ${due}, ${daysLeft} days left: sue or apply for a payment order, or deliver a demand and keep the proof, or get the borrower's written acknowledgement before then.`,
  }
}

/** What is still possible after expiry (LEGAL-RULES §D.1, 时效规定第19条; 民法典第192–193条). */
export const AFTER_EXPIRY: AfterExpiryOption[] = [
  {
    zh: '取得借款人签字或盖章的还款承诺、还款协议或签收的催收通知单：视为放弃时效抗辩，可重新主张',
    en: "Get the borrower's signed promise, repayment agreement or signed demand notice: this waives the limitation defence",
    basis: '民法典第192条第2款；最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定第19条',
  },
  {
    zh: '仍可起诉：法院不主动适用诉讼时效，只有借款人提出时效抗辩时才可能驳回',
    en: 'You may still sue: the court does not apply limitation of its own motion; the claim fails only if the borrower pleads it',
    basis: '民法典第193条',
  },
  {
    zh: '借款人自愿履行的部分不得请求返还，可继续接受还款',
    en: 'Payments the borrower makes voluntarily cannot be reclaimed; repayments may still be accepted',
    basis: '民法典第192条第2款',
  },
  {
    zh: '核查是否遗漏了届满前的中断事由（已送达的催收、还款、确认、起诉）或最后六个月内的中止事由',
    en: 'Check for interrupting events before expiry that were not recorded (delivered demands, payments, acknowledgements, filings) or a suspension in the last six months',
    basis: '民法典第194–195条',
  },
]

function validate(input: LimitationInput): void {
  const check = (d: string, field: string) => {
    if (!isIsoDate(d)) throw new UserError('DATE_INVALID', `日期格式错误：${d}（应为 YYYY-MM-DD）`, `Invalid date: ${d} (expected YYYY-MM-DD)`, { field })
  }
  check(input.lastInstalmentDue, 'lastInstalmentDue')
  check(input.today, 'today')
  input.events.forEach((e, i) => {
    check(e.date, `events.${i}.date`)
    if (e.date > input.today) {
      throw new UserError('LIMITATION_EVENT_IN_FUTURE', `时效事件日期 ${e.date} 晚于今天 ${input.today}`, `Limitation event dated ${e.date} is after today (${input.today})`, {
        field: `events.${i}.date`,
      })
    }
    if (e.proceedingsEnded !== undefined) {
      check(e.proceedingsEnded, `events.${i}.proceedingsEnded`)
      if (e.kind !== 'filing' || e.proceedingsEnded < e.date || e.proceedingsEnded > input.today) {
        throw new UserError('LIMITATION_EVENT_INVALID', `程序终结日 ${e.proceedingsEnded} 无效：仅适用于起诉类事件，且须在起诉日与今天之间`, `proceedingsEnded ${e.proceedingsEnded} is invalid: only for filings, between the filing date and today`, {
          field: `events.${i}.proceedingsEnded`,
        })
      }
    }
  })
}
