import { isIsoDate } from '../../../shared/domain/date'
import { UserError } from '../errors'
import { parseCaseNumber } from '../law/case-number'

/**
 * The stages a case moves through (新案 → 催收 → 协商 → 调解 → 诉讼 → 执行 → 结案), which moves are allowed,
 * and what data a stage needs before a case may enter it. Pure rules; the service stores the history.
 */

export const STAGES = ['new', 'collection', 'negotiation', 'mediation', 'litigation', 'enforcement', 'closed'] as const
export type Stage = (typeof STAGES)[number]

export const STAGE_LABELS: Record<Stage, { zh: string; en: string }> = {
  new: { zh: '新案', en: 'new' },
  collection: { zh: '催收', en: 'collection' },
  negotiation: { zh: '协商', en: 'negotiation' },
  mediation: { zh: '调解', en: 'mediation' },
  litigation: { zh: '诉讼', en: 'litigation' },
  enforcement: { zh: '执行', en: 'enforcement' },
  closed: { zh: '结案', en: 'closed' },
}

export const CLOSE_REASONS = ['full_recovery', 'settlement_performed', 'write_off', 'suit_withdrawn', 'enforcement_terminated'] as const
export type CloseReason = (typeof CLOSE_REASONS)[number]

export const CLOSE_REASON_LABELS: Record<CloseReason, { zh: string; en: string }> = {
  full_recovery: { zh: '全额回款', en: 'recovered in full' },
  settlement_performed: { zh: '和解履行完毕', en: 'settlement performed' },
  write_off: { zh: '核销', en: 'written off' },
  suit_withdrawn: { zh: '撤诉', en: 'suit withdrawn' },
  enforcement_terminated: { zh: '终结执行', en: 'enforcement terminated' },
}

/**
 * Allowed moves. Why these: a case may skip ahead (a fresh case can go straight to suit); talks can fail
 * and fall back to collection; a mediation agreement confirmed by a court (司法确认) is enforced directly;
 * a suit can turn into out-of-court talks (the suit then ends by withdrawal or settlement); enforcement
 * can turn into an enforcement settlement (执行和解). Nothing goes back to 诉讼 from 执行 (that would be a new
 * case) and 结案 is final: reopening is a new case, so the closed record stays as it was.
 */
const ALLOWED: Record<Stage, readonly Stage[]> = {
  new: ['collection', 'negotiation', 'mediation', 'litigation', 'closed'],
  collection: ['negotiation', 'mediation', 'litigation', 'closed'],
  negotiation: ['collection', 'mediation', 'litigation', 'closed'],
  mediation: ['collection', 'negotiation', 'litigation', 'enforcement', 'closed'],
  litigation: ['negotiation', 'mediation', 'enforcement', 'closed'],
  enforcement: ['negotiation', 'closed'],
  closed: [],
}

/** Data offered with a stage change. Only what the target stage requires is checked. */
export interface StageData {
  court?: string
  /** 立案日期 (litigation) */
  filingDate?: string
  /** 案号, optional; validated when given. */
  caseNumber?: string
  closeReason?: string
}

export interface Requirement {
  field: keyof StageData
  zh: string
  en: string
  /** For closeReason: the allowed values. */
  oneOf?: readonly string[]
}

const REQUIRED: Record<Stage, readonly Requirement[]> = {
  new: [],
  collection: [],
  negotiation: [],
  mediation: [],
  litigation: [
    { field: 'court', zh: '受理法院', en: 'court' },
    { field: 'filingDate', zh: '立案日期', en: 'filing date' },
  ],
  enforcement: [],
  closed: [{ field: 'closeReason', zh: '结案原因', en: 'reason for closing', oneOf: CLOSE_REASONS }],
}

export function isStage(s: string): s is Stage {
  return (STAGES as readonly string[]).includes(s)
}

/** True when a case in `from` may move to `to`. */
export function canTransition(from: Stage, to: Stage): boolean {
  return ALLOWED[from]?.includes(to) ?? false
}

/** The stages reachable from `from` in one move. */
export function nextStages(from: Stage): readonly Stage[] {
  return ALLOWED[from]
}

/** What a case must carry to enter `stage`. */
export function requiredFor(stage: Stage): readonly Requirement[] {
  return REQUIRED[stage]
}

/**
 * Check a stage change with its data; throws a UserError (STAGE_UNKNOWN, STAGE_UNCHANGED,
 * STAGE_TRANSITION_NOT_ALLOWED, STAGE_DATA_MISSING, STAGE_DATA_INVALID) or returns the cleaned data.
 * `today` (YYYY-MM-DD, China) bounds the filing date.
 */
export function checkTransition(from: string, to: string, data: StageData, today: string): StageData {
  for (const [s, field] of [[from, 'from'], [to, 'to']] as const) {
    if (!isStage(s)) {
      throw new UserError('STAGE_UNKNOWN', `未知的案件阶段：${s}`, `Unknown case stage: ${s}`, { field, details: { allowed: STAGES } })
    }
  }
  const f = from as Stage, t = to as Stage
  const zh = (s: Stage) => STAGE_LABELS[s].zh
  if (f === t) throw new UserError('STAGE_UNCHANGED', `案件已处于"${zh(f)}"阶段`, `The case is already in stage "${f}"`, { field: 'to' })
  if (!canTransition(f, t)) {
    const allowed = ALLOWED[f]
    throw new UserError(
      'STAGE_TRANSITION_NOT_ALLOWED',
      `不能从"${zh(f)}"转到"${zh(t)}"${allowed.length ? `（可转到：${allowed.map(zh).join('、')}）` : '（已结案，需重新立案）'}`,
      `Cannot move from "${f}" to "${t}"${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (closed cases are final; open a new case)'}`,
      { field: 'to', details: { from: f, to: t, allowed } },
    )
  }
  const missing = REQUIRED[t].filter((r) => !String(data[r.field] ?? '').trim())
  if (missing.length) {
    throw new UserError(
      'STAGE_DATA_MISSING',
      `进入"${zh(t)}"阶段需要填写：${missing.map((r) => r.zh).join('、')}`,
      `Entering "${t}" requires: ${missing.map((r) => r.en).join(', ')}`,
      { field: missing[0].field, details: { missing: missing.map((r) => r.field) } },
    )
  }
  const out: StageData = {}
  if (t === 'litigation') {
    const filingDate = data.filingDate!.trim()
    if (!isIsoDate(filingDate) || filingDate > today) {
      throw new UserError('STAGE_DATA_INVALID', `立案日期无效：${filingDate}（应为不晚于今天的 YYYY-MM-DD）`, `Invalid filing date: ${filingDate} (YYYY-MM-DD, not after today)`, {
        field: 'filingDate',
      })
    }
    out.court = data.court!.trim()
    out.filingDate = filingDate
    if (data.caseNumber?.trim()) out.caseNumber = parseCaseNumber(data.caseNumber, today).normalized
  }
  if (t === 'closed') {
    const reason = data.closeReason!.trim()
    if (!(CLOSE_REASONS as readonly string[]).includes(reason)) {
      const labels = CLOSE_REASONS.map((r) => CLOSE_REASON_LABELS[r].zh).join(' / ')
      throw new UserError('STAGE_DATA_INVALID', `结案原因"${reason}"无效，应为：${labels}`, `Invalid close reason "${reason}"; one of ${CLOSE_REASONS.join(', ')}`, {
        field: 'closeReason',
        details: { allowed: CLOSE_REASONS },
      })
    }
    out.closeReason = reason
  }
  return out
}
