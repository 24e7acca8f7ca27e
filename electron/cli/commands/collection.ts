import { CHANNELS, OUTCOMES, TARGETS } from '../../../shared/domain/enums'
import { DEADLINE_KIND_CODES } from '../../../shared/domain/collection'
import { UsageError } from '../args'
import { invoke, type Command } from './index'

/**
 * Issue 8's commands: one deadline from an event date, a case's deadlines, logging a contact (the conduct
 * guard refuses a blocked one with exit 1 and its code on stderr) and today's work queue.
 */

const CHANNEL_NAMES: Record<string, string> = { 电话: 'phone', 短信: 'sms', 信函: 'letter', 律师函: 'lawyer_letter', 上门: 'visit', 邮件: 'email', 其他: 'other' }
const TARGET_NAMES: Record<string, string> = { 借款人: 'borrower', 担保人: 'guarantor', 紧急联系人: 'emergency_contact' }
const OUTCOME_NAMES: Record<string, string> = { 接通: 'answered', 未接: 'no_answer', 空号: 'invalid_number', 承诺还款: 'promised', 拒绝: 'refused', 协商中: 'negotiating', 失联: 'unreachable' }

const str = (v: string | true | undefined) => (typeof v === 'string' ? v : undefined)
const need = (v: string | true | undefined, usage: string) => {
  if (typeof v !== 'string') throw new UsageError(usage)
  return v
}

/** `casedesk deadline --kind K --from DATE` → {"due","rolledFrom","basis"}. */
export const deadlineCommand: Command = async ({ options, out, open }) => {
  const usage = `用法 / usage: deadline --kind ${DEADLINE_KIND_CODES.join('|')} --from YYYY-MM-DD`
  const kind = need(options.kind, usage)
  const from = need(options.from, usage)
  const r = await invoke(await open(), 'deadlines.compute', { kind: kind as (typeof DEADLINE_KIND_CODES)[number], from })
  if (r.calendarWarning) out.note(`注意 / warning [${r.calendarWarning.code}]: ${r.calendarWarning.message}\n${r.calendarWarning.messageEn}`)
  out.result({ due: r.due, rolledFrom: r.rolledFrom, basis: r.basis, ...(r.calendarWarning ? { warning: r.calendarWarning } : {}) }, () =>
    `届满日 / due: ${r.due}${r.rolledFrom ? `（名义届满日 ${r.rolledFrom} 为休息日，顺延 / rolled from ${r.rolledFrom}）` : ''}\n${r.basis}`)
  return 0
}

/** `casedesk deadlines --case ID`: the case's court deadlines and each loan's limitation. */
export const deadlinesCommand: Command = async ({ options, out, open }) => {
  const caseId = need(options.case, '用法 / usage: deadlines --case ID')
  const r = await invoke(await open(), 'deadlines.forCase', { id: caseId })
  out.result(r, () =>
    [...r.deadlines.map((d) => `${d.due}  ${d.kind}  剩 ${d.daysLeft} 天${d.warning ? ` ⚠${d.warning}` : ''}  [${d.status}]  ${d.basis ?? ''}`),
      ...r.limitation.map((l) => `诉讼时效 ${l.contractNo}: ${l.state} ${l.expiry ?? ''}${l.daysLeft !== null ? `（剩 ${l.daysLeft} 天）` : ''}${l.warning ? ` ${l.warning.message}` : ''}`)].join('\n') || '无期限 / no deadlines')
  return 0
}

/** `casedesk actions add --case ID --channel C --target T --at ISO_TIME [--outcome O] [--note N] [--override REASON]`. */
export const actionsCommand: Command = async ({ args, options, out, open }) => {
  const usage = '用法 / usage: actions add --case ID --channel C --target T --at ISO_TIME [--outcome O] [--note N] [--override REASON]'
  if (args[0] !== 'add') throw new UsageError(usage)
  const pick = (v: string | undefined, names: Record<string, string>, allowed: readonly string[], name: string) => {
    if (v === undefined) return undefined
    const code = names[v] ?? v
    if (!allowed.includes(code)) throw new UsageError(`--${name} 应为 / must be one of: ${allowed.join(', ')}（或 / or ${Object.keys(names).join('、')}）`)
    return code
  }
  const input = {
    caseId: need(options.case, usage),
    channel: pick(need(options.channel, usage), CHANNEL_NAMES, CHANNELS, 'channel') as (typeof CHANNELS)[number],
    target: pick(need(options.target, usage), TARGET_NAMES, TARGETS, 'target') as (typeof TARGETS)[number],
    at: need(options.at, usage),
    outcome: pick(str(options.outcome), OUTCOME_NAMES, OUTCOMES, 'outcome') as (typeof OUTCOMES)[number] | undefined,
    note: str(options.note),
    overrideReason: str(options.override),
  }
  const a = await invoke(await open(), 'actions.add', input)
  out.result(a, () => `已记录 / logged: ${a.id} ${a.channel} → ${a.target} ${a.at}${a.overrideReason ? `（例外理由 / override: ${a.overrideReason}）` : ''}`)
  return 0
}

/** `casedesk today`: the work queue, best recovery score first. */
export const todayCommand: Command = async ({ out, open }) => {
  const q = await invoke(await open(), 'queue.today', {})
  out.result(q, () => q.map((i) => `${String(i.score).padStart(3)}${i.override ? '*' : ' '} ${i.caseNo} ${i.borrowerName}  ${i.reasons.map((r) => r.text).join('；')}`).join('\n') || '今日无待办 / nothing due today')
  return 0
}
