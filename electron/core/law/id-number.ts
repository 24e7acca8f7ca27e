import { isIsoDate } from '../../../shared/domain/date'

/**
 * 居民身份证号码 check (GB 11643-1999, ISO 7064 MOD 11-2; LEGAL-RULES.md §H.1).
 * Reasons are checked in a fixed order — length, format, birth date, check character — so a number with a
 * bad date is reported as such even when its check character is also wrong.
 */
export type IdNumberReason = 'length' | 'format' | 'bad_birth_date' | 'bad_check_digit'

export interface IdNumberCheck {
  valid: boolean
  reason: IdNumberReason | null
  birthDate: string | null
  sex: 'male' | 'female' | null
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let s = 0
  for (let i = 0; i < 17; i++) s += (first17.charCodeAt(i) - 48) * WEIGHTS[i]
  return CHECK_CHARS[s % 11]
}

/**
 * Validate an 18-character ID number. A lower-case x is accepted as the check character.
 * `today` (YYYY-MM-DD) bounds the birth date; it defaults to the current UTC date.
 */
export function validateIdNumber(input: string, today: string = new Date().toISOString().slice(0, 10)): IdNumberCheck {
  const s = input.trim().toUpperCase()
  const bad = (reason: IdNumberReason, birthDate: string | null = null): IdNumberCheck => ({ valid: false, reason, birthDate, sex: null })
  if (s.length !== 18) return bad('length')
  if (!/^\d{17}[\dX]$/.test(s)) return bad('format')
  const birthDate = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`
  if (!isIsoDate(birthDate) || birthDate > today || birthDate < '1900-01-01') return bad('bad_birth_date')
  if (idCheckChar(s) !== s[17]) return bad('bad_check_digit', birthDate)
  const sex = (s.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female'
  return { valid: true, reason: null, birthDate, sex }
}

/** Canonical stored form: trimmed, check character upper-case. */
export function normalizeIdNumber(input: string): string {
  return input.trim().toUpperCase()
}

/** 110101********1234 — the first 6 and last 4 visible, as lists and exports show it. */
export function maskIdNumber(s: string): string {
  return s.length <= 10 ? '*'.repeat(s.length) : s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4)
}
