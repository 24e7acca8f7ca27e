import { validateCreditCode, type CreditCodeReason } from '../law/credit-code'
import { validateIdNumber, type IdNumberReason } from '../law/id-number'
import { bad, parsed, type Parsed } from './parsed'
import { stripSpaces } from './text'
import { toHalfWidth } from '../../../shared/domain/half-width'

const ID_REASONS: Record<IdNumberReason, [string, string]> = {
  length: ['应为 18 位', 'must have 18 characters'],
  format: ['前 17 位应为数字、末位为数字或 X', 'must be 17 digits followed by a digit or X'],
  bad_birth_date: ['出生日期无效', 'has an invalid birth date'],
  bad_check_digit: ['校验位错误', 'has a wrong check character'],
}

/**
 * An ID number cell → the canonical 18-character form (upper-case X), checked with GB 11643 MOD 11-2
 * and a real, past birth date. A number Excel turned into `1.10105E+17` gets its own hint: the
 * digits are already lost in the file, only re-exporting the column as text recovers them.
 */
export function normalizeIdNumberCell(raw: string, today: string): Parsed<string> {
  const s = stripSpaces(toHalfWidth(raw)).toUpperCase()
  if (s === '') return bad('IMPORT_ID_EMPTY', '身份证号为空', 'ID number is empty')
  if (/^\d(\.\d+)?E\+\d+$/.test(s)) {
    return bad('IMPORT_ID_AS_NUMBER', `身份证号“${raw.trim()}”被 Excel 存成了数字，后几位已丢失；请将该列设为文本后重新导出`,
      `ID number "${raw.trim()}" was stored as a number by Excel and lost digits; format the column as text and export again`)
  }
  if (/^\d{15}$/.test(s)) {
    return bad('IMPORT_ID_LEGACY', `身份证号“${s}”为已停用的 15 位旧号码，请改为 18 位`, `ID number "${s}" is a retired 15-digit number; use the 18-character one`)
  }
  const check = validateIdNumber(s, today)
  if (!check.valid) {
    const [zh, en] = ID_REASONS[check.reason ?? 'format']
    return bad('IMPORT_ID_INVALID', `身份证号“${s}”${zh}`, `ID number "${s}" ${en}`)
  }
  return parsed(s)
}

const CREDIT_REASONS: Record<CreditCodeReason, [string, string]> = {
  length: ['应为 18 位', 'must have 18 characters'],
  illegal_character: ['含有不允许的字符（不含 I、O、S、V、Z）', 'contains a character outside the code set (no I, O, S, V, Z)'],
  bad_check_character: ['校验位错误', 'has a wrong check character'],
}

/** A 统一社会信用代码 cell → upper-case 18 characters, checked per GB 32100-2015. */
export function normalizeCreditCodeCell(raw: string): Parsed<string> {
  const s = stripSpaces(toHalfWidth(raw)).toUpperCase()
  if (s === '') return bad('IMPORT_CREDIT_CODE_EMPTY', '统一社会信用代码为空', 'Credit code is empty')
  const check = validateCreditCode(s)
  if (!check.valid) {
    const [zh, en] = CREDIT_REASONS[check.reason ?? 'length']
    return bad('IMPORT_CREDIT_CODE_INVALID', `统一社会信用代码“${s}”${zh}`, `Credit code "${s}" ${en}`)
  }
  return parsed(s)
}
