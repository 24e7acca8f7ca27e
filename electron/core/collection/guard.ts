import { addDays } from '../../../shared/domain/date'
import { UserError } from '../errors'
import { minutesOf, toChinaTime } from './china-time'
import { CHANNEL_LABELS, TARGET_LABELS, type ConductRules, type ContactChannel, type ContactOutcome, type ContactTarget } from './conduct-rules'

/**
 * The conduct guard: run before a collection action is saved. It returns every rule the action breaks;
 * an empty list means it may be saved. Any violation blocks unless a lawyer overrides it with a reason,
 * which the service writes to the audit log (the guard itself stays pure).
 */

export type GuardCode = 'CONTACT_OUTSIDE_HOURS' | 'CONTACT_TOO_FREQUENT' | 'THIRD_PARTY_DISCLOSURE' | 'FORBIDDEN_EXPRESSION'

export interface ContactAction {
  borrowerId: string
  channel: ContactChannel
  target: ContactTarget
  /** ISO date-time; without an offset it is read as China time. */
  at: string
  outcome?: ContactOutcome
  note?: string
  /** The SMS, letter or e-mail text sent, if any. */
  text?: string
}

export interface GuardViolation {
  code: GuardCode
  message: string
  messageEn: string
  details: Record<string, unknown>
}

export interface GuardOptions {
  /** The current instant; when given, an action later than now (plus 5 minutes of clock slack) is refused. */
  now?: Date
}

const CLOCK_SLACK_MS = 5 * 60_000

/** Check one action against the rules, given the borrower's earlier actions. */
export function checkAction(action: ContactAction, history: readonly ContactAction[], rules: ConductRules, opts: GuardOptions = {}): GuardViolation[] {
  const t = toChinaTime(action.at)
  if (opts.now && t.epochMs > opts.now.getTime() + CLOCK_SLACK_MS) {
    throw new UserError('ACTION_IN_FUTURE', `催收记录时间 ${action.at} 晚于当前时间，不能记录未来的行为`, `Action time ${action.at} is in the future`, { field: 'at' })
  }
  return [
    ...checkHours(action, t, rules),
    ...checkFrequency(action, t.date, history, rules),
    ...checkThirdParty(action, rules),
    ...checkExpressions(action, rules),
  ]
}

function checkHours(action: ContactAction, t: ReturnType<typeof toChinaTime>, rules: ConductRules): GuardViolation[] {
  const h = rules.contactHours
  if (!h.channels.includes(action.channel)) return []
  if (t.minutes >= minutesOf(h.start) && t.minutes < minutesOf(h.end)) return []
  return [
    {
      code: 'CONTACT_OUTSIDE_HOURS',
      message: `${CHANNEL_LABELS[action.channel]}联系时间 ${t.date} ${t.hhmm}（北京时间）不在允许时段 ${h.start}–${h.end} 内`,
      messageEn: `${action.channel} contact at ${t.date} ${t.hhmm} China time is outside the allowed hours ${h.start}-${h.end}`,
      details: { localDate: t.date, localTime: t.hhmm, start: h.start, end: h.end },
    },
  ]
}

function checkFrequency(action: ContactAction, day: string, history: readonly ContactAction[], rules: ConductRules): GuardViolation[] {
  const cap = rules.frequency.caps[action.channel]
  if (!cap) return []
  const weekStart = addDays(day, -6)
  let today = 0, week = 0
  for (const h of history) {
    if (h.borrowerId !== action.borrowerId || h.channel !== action.channel) continue
    const d = toChinaTime(h.at, 'history.at').date
    if (d === day) today++
    if (d >= weekStart && d <= day) week++
  }
  const out: GuardViolation[] = []
  const label = CHANNEL_LABELS[action.channel]
  if (today + 1 > cap.perDay) {
    out.push({
      code: 'CONTACT_TOO_FREQUENT',
      message: `同一借款人${label}联系当日已 ${today} 次，再记录将超过每日上限 ${cap.perDay} 次`,
      messageEn: `${today} ${action.channel} contacts with this borrower already on ${day}; one more exceeds the daily cap of ${cap.perDay}`,
      details: { period: 'day', count: today, cap: cap.perDay, day },
    })
  }
  if (week + 1 > cap.perWeek) {
    out.push({
      code: 'CONTACT_TOO_FREQUENT',
      message: `同一借款人${label}联系近7日（${weekStart} 至 ${day}）已 ${week} 次，再记录将超过每周上限 ${cap.perWeek} 次`,
      messageEn: `${week} ${action.channel} contacts with this borrower in the 7 days ${weekStart}..${day}; one more exceeds the weekly cap of ${cap.perWeek}`,
      details: { period: 'week', count: week, cap: cap.perWeek, from: weekStart, to: day },
    })
  }
  return out
}

function checkThirdParty(action: ContactAction, rules: ConductRules): GuardViolation[] {
  const tp = rules.thirdParty
  if (!tp.targets.includes(action.target)) return []
  const who = TARGET_LABELS[action.target]
  const out: GuardViolation[] = []
  if (action.outcome && tp.outcomes.includes(action.outcome)) {
    out.push({
      code: 'THIRD_PARTY_DISCLOSURE',
      message: `向${who}催收：结果"${action.outcome}"表示与第三人谈及还款；紧急联系人只能用于联系借款人，不得向其催收或透露债务`,
      messageEn: `Collecting from a third party (${action.target}): outcome "${action.outcome}" means the debt was discussed; contacts may only be used to reach the borrower`,
      details: { target: action.target, outcome: action.outcome },
    })
  }
  const found = disclosureKeywords(`${action.note ?? ''}\n${action.text ?? ''}`, tp)
  if (found.length) {
    out.push({
      code: 'THIRD_PARTY_DISCLOSURE',
      message: `向${who}的记录或内容涉及债务（${found.join('、')}），不得向第三人透露借款人的债务`,
      messageEn: `The note or text for a third party (${action.target}) mentions the debt (${found.join(', ')}); the debt must not be disclosed to third parties`,
      details: { target: action.target, keywords: found },
    })
  }
  return out
}

/** Debt keywords in `text`, except where the same clause says they were *not* disclosed (未向其透露欠款). */
export function disclosureKeywords(text: string, tp: ConductRules['thirdParty']): string[] {
  const found = new Set<string>()
  for (const clause of text.split(/[，。；！？,.;!?\n]/)) {
    for (const kw of tp.keywords) {
      for (let i = clause.indexOf(kw); i >= 0; i = clause.indexOf(kw, i + 1)) {
        if (!isNegated(clause.slice(0, i), tp)) found.add(kw)
      }
    }
  }
  return [...found]
}

function isNegated(before: string, tp: ConductRules['thirdParty']): boolean {
  for (const p of tp.negationPrefixes) {
    for (let i = before.indexOf(p); i >= 0; i = before.indexOf(p, i + 1)) {
      const after = before.slice(i + p.length, i + p.length + 6 + 2)
      if (tp.disclosureVerbs.some((v) => after.includes(v))) return true
    }
  }
  return false
}

function checkExpressions(action: ContactAction, rules: ConductRules): GuardViolation[] {
  const text = `${action.note ?? ''}\n${action.text ?? ''}`
  const out: GuardViolation[] = []
  for (const c of rules.forbiddenExpressions.categories) {
    const terms = c.terms.filter((term) => text.includes(term))
    if (!terms.length) continue
    out.push({
      code: 'FORBIDDEN_EXPRESSION',
      message: `内容含有禁止用语（${c.zh}）：${terms.map((x) => `"${x}"`).join('、')}`,
      messageEn: `The text contains forbidden expressions (${c.en}): ${terms.join(', ')}`,
      details: { category: c.key, terms },
    })
  }
  return out
}
