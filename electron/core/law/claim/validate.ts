import { CLAIM_INPUT_ERRORS, claimInputSchema, dateProblem, MAX_CLAIM_YUAN, rateProblem, yuanProblem } from '../../../../shared/domain/claim'
import type { ClaimInput, ClaimInputErrorCode } from '../../../../shared/domain/claim'
import { UserError } from '../../errors'
import { yuanToFenOrNull } from '../../money/fen'
import { parseRateOrNull, RATE_SCALE } from '../../money/rate'
import { dayOrNull } from './days'

/**
 * Input validation for the claim calculator. Two layers: field formats (shared with the zod schema so the UI
 * shows the same words) and the cross-field rules of issue 3's "Bad input" section. Every failure is a
 * UserError with a stable code and a zh-CN / en message that names the field.
 */

/** Chinese names of the input fields, so a lawyer reads "还款记录[2].日期" rather than a JSON path. */
const FIELD_ZH: Record<string, string> = {
  regime: '贷款类型', contractDate: '合同成立日', filingDate: '起诉日', disbursementDate: '放款日',
  contractAmount: '合同金额', disbursedAmount: '实际放款金额', rateTerm: '借期内利率', feeRateTerm: '借期内费率',
  rateOverdue: '逾期利率', penaltyRate: '违约金（罚息）利率', feeRateOverdue: '逾期费率', penaltyFlat: '固定违约金',
  schedule: '还款计划', payments: '还款记录', expenses: '实现债权费用', dueDate: '到期日', principal: '本金',
  date: '日期', amount: '金额', dayBasis: '计息天数基准', asOf: '计算截止日',
}

/** `payments[2].amount`: the field as the English message and `UserError.field` name it. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('')
}

function fieldZh(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : `${i === 0 ? '' : '.'}${FIELD_ZH[String(p)] ?? String(p)}`)).join('')
}

/** A field error with the shared wording for `code`. */
export function fieldError(code: ClaimInputErrorCode, path: ReadonlyArray<PropertyKey>, value?: unknown): UserError {
  const text = CLAIM_INPUT_ERRORS[code]
  const en = fieldPath(path)
  return new UserError(code, `${fieldZh(path)}（${en}）${text.zh}`, `${en} ${text.en}`, { field: en, details: { value } })
}

/**
 * Validate raw input (from a JSON file, the contract, a stored loan) into a ClaimInput.
 * Throws UserError: a format code from CLAIM_INPUT_ERRORS, or CLAIM_INPUT_INVALID for a missing / mistyped field.
 */
export function parseClaimInput(raw: unknown): ClaimInput {
  const r = claimInputSchema.safeParse(raw)
  if (!r.success) {
    const issue = r.error.issues[0]
    if (issue.message in CLAIM_INPUT_ERRORS) throw fieldError(issue.message as ClaimInputErrorCode, issue.path)
    const en = fieldPath(issue.path)
    throw new UserError('CLAIM_INPUT_INVALID', `计算参数错误：${fieldZh(issue.path)}（${en}）${issue.message}`, `Invalid calculator input: ${en}: ${issue.message}`, {
      field: en,
    })
  }
  return r.data
}

/** Integer fen of a yuan field, or a field error naming it (negative, malformed, too large). */
export function fenAt(value: string, path: ReadonlyArray<PropertyKey>): number {
  const fen = typeof value === 'string' ? yuanToFenOrNull(value) : null
  if (fen !== null && fen <= MAX_CLAIM_YUAN * 100) return fen
  throw fieldError(typeof value === 'string' ? (yuanProblem(value) ?? 'CLAIM_AMOUNT_TOO_LARGE') : 'CLAIM_AMOUNT_FORMAT', path, value)
}

/** Scaled annual rate of a rate field (or null when absent), or a field error (percent-looking, negative, malformed). */
export function rateAt(value: string | undefined, path: ReadonlyArray<PropertyKey>): number | null {
  if (value === undefined) return null
  const rate = typeof value === 'string' ? parseRateOrNull(value) : null
  if (rate !== null && rate <= RATE_SCALE) return rate
  throw fieldError(typeof value === 'string' ? (rateProblem(value) ?? 'CLAIM_RATE_PERCENT') : 'CLAIM_RATE_FORMAT', path, value)
}

/** Day number of a date field, or a field error (impossible date, out of range). */
export function dayAt(value: string, path: ReadonlyArray<PropertyKey>): number {
  const day = dayOrNull(value)
  if (day !== null) return day
  throw fieldError(typeof value === 'string' ? (dateProblem(value) ?? 'CLAIM_DATE_INVALID') : 'CLAIM_DATE_INVALID', path, value)
}

/** Longest span the engine computes, in days (keeps fen × days exact in a double). */
export const MAX_SPAN_DAYS = 36_600

/** The cross-field rules that need no arithmetic on balances (payment overflow is found during allocation). */
export function assertConsistent(input: ClaimInput): void {
  const { disbursementDate: d0, asOf } = input
  if (asOf < d0) {
    throw new UserError('CLAIM_ASOF_BEFORE_DISBURSEMENT', `计算截止日（asOf）${asOf} 早于放款日 ${d0}`, `asOf ${asOf} is before the disbursement date ${d0}`, {
      field: 'asOf',
    })
  }
  if (input.schedule.length === 0) {
    throw new UserError('CLAIM_SCHEDULE_EMPTY', '还款计划（schedule）不能为空', 'schedule must have at least one instalment', { field: 'schedule' })
  }
  input.schedule.forEach((s, i) => {
    if (s.dueDate < d0) {
      const f = `schedule[${i}].dueDate`
      throw new UserError('CLAIM_SCHEDULE_BEFORE_DISBURSEMENT', `还款计划[${i + 1}].到期日（${f}）${s.dueDate} 早于放款日 ${d0}`, `${f} ${s.dueDate} is before the disbursement date ${d0}`, {
        field: f,
      })
    }
  })
  ;(input.payments ?? []).forEach((p, i) => {
    const f = `payments[${i}].date`
    if (p.date > asOf) {
      throw new UserError('CLAIM_PAYMENT_AFTER_ASOF', `还款记录[${i + 1}].日期（${f}）${p.date} 晚于计算截止日 ${asOf}`, `${f} ${p.date} is after asOf ${asOf}`, { field: f })
    }
    if (p.date < d0) {
      throw new UserError('CLAIM_PAYMENT_BEFORE_DISBURSEMENT', `还款记录[${i + 1}].日期（${f}）${p.date} 早于放款日 ${d0}`, `${f} ${p.date} is before the disbursement date ${d0}`, {
        field: f,
      })
    }
  })
  ;(input.expenses ?? []).forEach((e, i) => {
    const f = `expenses[${i}].date`
    if (e.date > asOf) {
      throw new UserError('CLAIM_EXPENSE_AFTER_ASOF', `实现债权费用[${i + 1}].日期（${f}）${e.date} 晚于计算截止日 ${asOf}`, `${f} ${e.date} is after asOf ${asOf}`, { field: f })
    }
  })
}
