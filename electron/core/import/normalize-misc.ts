import { bad, parsed, type Parsed } from './parsed'
import type { RepaymentMethod } from './types'
import { collapseSpaces, stripSpaces } from './text'
import { toHalfWidth } from '../../../shared/domain/half-width'

/** A non-negative whole number (instalment count, days past due): `12`, `12期`, `30天`, `12.0` from Excel. */
export function normalizeCount(raw: string, what: { zh: string; en: string }, max: number): Parsed<number> {
  const s = stripSpaces(toHalfWidth(raw)).replace(/(?:期|天|日|个月|月)$/, '').replace(/\.0+$/, '')
  if (!/^\d+$/.test(s) || Number(s) > max) {
    return bad('IMPORT_COUNT_INVALID', `${what.zh}“${raw.trim()}”应为 0 到 ${max} 的整数`, `${what.en} "${raw.trim()}" must be a whole number from 0 to ${max}`)
  }
  return parsed(Number(s))
}

/** Names and free text: half-width ASCII, single spaces, trimmed; bounded so a runaway cell cannot become a name. */
export function normalizeText(raw: string, maxLength: number, what: { zh: string; en: string }): Parsed<string> {
  const s = collapseSpaces(toHalfWidth(raw))
  if (s === '') return bad('IMPORT_REQUIRED', `${what.zh}为空`, `${what.en} is empty`)
  if (s.length > maxLength) {
    return bad('IMPORT_TEXT_TOO_LONG', `${what.zh}超过 ${maxLength} 个字符`, `${what.en} is longer than ${maxLength} characters`)
  }
  return parsed(s)
}

const METHODS: Array<[RegExp, RepaymentMethod]> = [
  [/等额本息|equal.?instal|annuity|emi/i, 'equal_instalment'],
  [/等额本金|equal.?principal/i, 'equal_principal'],
  // Before interest-first: "到期还本付息" also contains "到期还本".
  [/一次性|到期还本付息|bullet|lump/i, 'bullet'],
  [/先息后本|按月付息|按期付息|到期还本|interest.?(first|only)/i, 'interest_first'],
]

/** 还款方式 text → one of the methods the 要素式 complaint lists; anything else is `other` (the text is kept by the caller). */
export function normalizeRepaymentMethod(raw: string): RepaymentMethod | null {
  const s = stripSpaces(toHalfWidth(raw))
  if (s === '') return null
  for (const [re, method] of METHODS) if (re.test(s)) return method
  return 'other'
}
