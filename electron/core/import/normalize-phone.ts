import { bad, parsed, type Parsed } from './parsed'
import { toHalfWidth } from '../../../shared/domain/half-width'

const MOBILE = /^1[3-9]\d{9}$/

/**
 * A cell of phone numbers → mainland mobile numbers as 11 digits. Strips `+86`/`0086`/`86`,
 * spaces, dashes, dots and brackets; several numbers may share a cell, separated by `/ , ; 、` or
 * whitespace runs between complete numbers. The first is the primary number.
 */
export function normalizePhones(raw: string): Parsed<{ primary: string; others: string[] }> {
  const text = toHalfWidth(raw).trim()
  if (text === '') return bad('IMPORT_PHONE_EMPTY', '手机号为空', 'Phone number is empty')
  const parts = text.split(/[/,;、，；|]+|\s{2,}/).map((p) => p.trim()).filter((p) => p !== '')
  const phones: string[] = []
  for (const part of parts) {
    const digits = part.replace(/[\s\-.()（）]/g, '').replace(/^(?:\+86|0086|86(?=1\d{10}$))/, '')
    if (!MOBILE.test(digits)) {
      return bad('IMPORT_PHONE_INVALID', `手机号“${part}”不是 11 位大陆手机号`, `"${part}" is not an 11-digit mainland mobile number`)
    }
    if (!phones.includes(digits)) phones.push(digits)
  }
  return parsed({ primary: phones[0], others: phones.slice(1) })
}
