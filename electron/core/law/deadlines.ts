import { UserError } from '../errors'
import type { WorkCalendar } from './calendar'
import { periodEnd, type CalendarWarning, type PeriodOptions, type PeriodUnit } from './periods'

/**
 * Court and limitation deadlines from one recorded event. Article numbers are those of the
 * 民事诉讼法 as amended 2023 (in force 2024-01-01), checked against the text in LawRefBook/Laws
 * (诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md), and of the 民法典 (总则编).
 */

export const DEADLINE_KINDS = [
  'appeal-judgment',
  'appeal-ruling',
  'payment-order-objection',
  'sue-after-preservation',
  'enforcement',
  'limitation',
] as const

export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

export interface DeadlineRule {
  length: number
  unit: PeriodUnit
  /** What the `from` date must be: the event the period runs from. */
  trigger: string
  triggerEn: string
  basis: string
  basisEn: string
}

const PERIOD_BASIS = '民法典第201–203条、民事诉讼法第85条（开始之日不计入；届满日为法定休假日的顺延至休假日后第一个工作日）'

export const DEADLINE_RULES: Record<DeadlineKind, DeadlineRule> = {
  'appeal-judgment': {
    length: 15,
    unit: 'day',
    trigger: '一审判决书送达之日',
    triggerEn: 'the day the first-instance judgment was served',
    basis: `民事诉讼法第171条第1款：不服一审判决，判决书送达之日起十五日内上诉；${PERIOD_BASIS}`,
    basisEn: 'Civil Procedure Law art. 171(1): appeal within 15 days of service of the judgment; periods per Civil Code arts. 201-203 and CPL art. 85',
  },
  'appeal-ruling': {
    length: 10,
    unit: 'day',
    trigger: '一审裁定书送达之日',
    triggerEn: 'the day the first-instance ruling was served',
    basis: `民事诉讼法第171条第2款：不服一审裁定，裁定书送达之日起十日内上诉；${PERIOD_BASIS}`,
    basisEn: 'Civil Procedure Law art. 171(2): appeal within 10 days of service of the ruling; periods per Civil Code arts. 201-203 and CPL art. 85',
  },
  'payment-order-objection': {
    length: 15,
    unit: 'day',
    trigger: '债务人收到支付令之日',
    triggerEn: 'the day the debtor received the payment order',
    basis: `民事诉讼法第227条第2款：债务人自收到支付令之日起十五日内清偿或提出书面异议；${PERIOD_BASIS}`,
    basisEn: 'Civil Procedure Law art. 227(2): the debtor pays or objects in writing within 15 days of receiving the payment order; periods per CPL art. 85',
  },
  'sue-after-preservation': {
    length: 30,
    unit: 'day',
    trigger: '法院采取诉前保全措施之日',
    triggerEn: 'the day the court took the pre-suit preservation measures',
    basis: `民事诉讼法第104条第3款：采取诉前保全措施后三十日内不起诉或申请仲裁的，法院应当解除保全；${PERIOD_BASIS}`,
    basisEn: 'Civil Procedure Law art. 104(3): sue or apply for arbitration within 30 days after pre-suit preservation, or it is lifted; periods per CPL art. 85',
  },
  enforcement: {
    length: 2,
    unit: 'year',
    trigger: '法律文书规定履行期间的最后一日（分期履行的为最后一期履行期限届满之日；未规定履行期间的为生效之日）',
    triggerEn: 'the last day for performance under the judgment (for instalments, the last instalment; if none is set, the day it took effect)',
    basis: `民事诉讼法第250条：申请执行的期间为二年，其中止、中断适用诉讼时效的规定；民法典第202条（按年计算的期间到期年对应日届满，无对应日的为月末日）、第203条`,
    basisEn: 'Civil Procedure Law art. 250: 2 years to apply for enforcement (suspension/interruption as for limitation); Civil Code arts. 202-203',
  },
  limitation: {
    length: 3,
    unit: 'year',
    trigger: '诉讼时效起算日（分期履行的为最后一期履行期限届满之日，或中断事由发生之日）',
    triggerEn: 'the day limitation starts (for instalments the last instalment due date) or the interrupting event',
    basis: '民法典第188条（诉讼时效期间为三年）、第189条（分期履行的自最后一期履行期限届满之日起计算）、第195条（中断后重新计算）、第201–203条',
    basisEn: 'Civil Code art. 188 (3-year limitation), art. 189 (instalments: from the last instalment due date), art. 195 (restart on interruption), arts. 201-203',
  },
}

export interface DeadlineResult {
  kind: DeadlineKind
  due: string
  rolledFrom: string | null
  basis: string
  basisEn: string
  calendarWarning?: CalendarWarning
}

/** True for a supported deadline kind (for CLI and IPC input). */
export function isDeadlineKind(s: string): s is DeadlineKind {
  return (DEADLINE_KINDS as readonly string[]).includes(s)
}

/**
 * The deadline of `kind` counted from the event on `from` (see DEADLINE_RULES[kind].trigger).
 * `due` is the last day on which the act is still in time.
 */
export function dueDate(kind: DeadlineKind, from: string, calendar: WorkCalendar, opts: PeriodOptions = {}): DeadlineResult {
  if (!isDeadlineKind(kind)) {
    throw new UserError(
      'DEADLINE_KIND_UNKNOWN',
      `未知的期限类型：${kind}（可选：${DEADLINE_KINDS.join('、')}）`,
      `Unknown deadline kind: ${kind} (one of ${DEADLINE_KINDS.join(', ')})`,
      { field: 'kind' },
    )
  }
  const rule = DEADLINE_RULES[kind]
  const end = periodEnd(from, rule.length, rule.unit, calendar, opts)
  return { kind, due: end.due, rolledFrom: end.rolledFrom, basis: rule.basis, basisEn: rule.basisEn, ...(end.calendarWarning ? { calendarWarning: end.calendarWarning } : {}) }
}
