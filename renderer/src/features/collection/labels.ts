import type { Lang } from '../../i18n'

/** Display labels for the collection vocabularies (codes are the store's; see shared/domain/enums.ts). */
type Label = { zh: string; en: string }
export const CHANNEL_LABELS: Record<string, Label> = {
  phone: { zh: '电话', en: 'Phone' }, sms: { zh: '短信', en: 'SMS' }, letter: { zh: '信函', en: 'Letter' }, lawyer_letter: { zh: '律师函', en: 'Lawyer’s letter' },
  visit: { zh: '上门', en: 'Visit' }, email: { zh: '邮件', en: 'E-mail' }, other: { zh: '其他', en: 'Other' },
}
export const TARGET_LABELS: Record<string, Label> = { borrower: { zh: '借款人', en: 'Borrower' }, guarantor: { zh: '担保人', en: 'Guarantor' }, emergency_contact: { zh: '紧急联系人', en: 'Emergency contact' } }
export const OUTCOME_LABELS: Record<string, Label> = {
  answered: { zh: '接通', en: 'Answered' }, no_answer: { zh: '未接', en: 'No answer' }, invalid_number: { zh: '空号', en: 'Invalid number' }, promised: { zh: '承诺还款', en: 'Promised' },
  refused: { zh: '拒绝', en: 'Refused' }, negotiating: { zh: '协商中', en: 'Negotiating' }, unreachable: { zh: '失联', en: 'Unreachable' },
}
export const PROMISE_STATUS_LABELS: Record<string, Label> = { open: { zh: '待履行', en: 'Open' }, kept: { zh: '已履行', en: 'Kept' }, partly_kept: { zh: '部分履行', en: 'Partly kept' }, broken: { zh: '未履行', en: 'Broken' } }
export const CLOSE_REASON_LABELS: Record<string, Label> = {
  full_recovery: { zh: '全额回款', en: 'Recovered in full' }, settlement_performed: { zh: '和解履行完毕', en: 'Settlement performed' }, write_off: { zh: '核销', en: 'Written off' },
  suit_withdrawn: { zh: '撤诉', en: 'Suit withdrawn' }, enforcement_terminated: { zh: '终结执行', en: 'Enforcement terminated' },
}
export const DEADLINE_LABELS: Record<string, Label> = {
  'appeal-judgment': { zh: '判决上诉期', en: 'Appeal (judgment)' }, 'appeal-ruling': { zh: '裁定上诉期', en: 'Appeal (ruling)' }, 'payment-order-objection': { zh: '支付令异议期', en: 'Payment-order objection' },
  'sue-after-preservation': { zh: '诉前保全后起诉期', en: 'Sue after preservation' }, enforcement: { zh: '申请执行期', en: 'Enforcement application' }, limitation: { zh: '诉讼时效', en: 'Limitation' }, hearing: { zh: '开庭', en: 'Hearing' },
}
export const PLAN_STATUS_LABELS: Record<string, Label> = { proposed: { zh: '待签署', en: 'Proposed' }, agreed: { zh: '已签署', en: 'Agreed' }, performing: { zh: '履行中', en: 'Performing' }, broken: { zh: '违约', en: 'Broken' }, completed: { zh: '已履行完毕', en: 'Completed' } }

export const pick = (labels: Record<string, Label>, code: string | null | undefined, lang: Lang) => (code ? (lang === 'en' ? labels[code]?.en : labels[code]?.zh) ?? code : '—')
export const options = (labels: Record<string, Label>, lang: Lang) => Object.entries(labels).map(([value, l]) => ({ value, label: lang === 'en' ? l.en : l.zh }))

/** "1234.5" → 123450 fen, exactly (no float); null when not an amount. */
export function yuanToFen(s: string): number | null {
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(s.trim())
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null
}

export const PROCEDURE_LABELS: Record<string, Label> = {
  payment_order: { zh: '支付令', en: 'Payment order' }, small_claims: { zh: '小额诉讼', en: 'Small claims' }, simplified: { zh: '简易程序', en: 'Simplified' }, ordinary: { zh: '普通程序', en: 'Ordinary' },
}
export const COURT_EVENT_LABELS: Record<string, Label> = {
  filing: { zh: '立案', en: 'Filing' }, preservation: { zh: '财产保全', en: 'Preservation' }, payment_order: { zh: '支付令', en: 'Payment order' }, hearing: { zh: '开庭', en: 'Hearing' },
  judgment: { zh: '判决', en: 'Judgment' }, ruling: { zh: '裁定', en: 'Ruling' }, served: { zh: '送达', en: 'Served' }, enforcement_filing: { zh: '申请执行', en: 'Enforcement filed' },
  enforcement_result: { zh: '执行结果', en: 'Enforcement result' },
}
