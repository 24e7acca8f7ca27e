/**
 * 统一社会信用代码 check (GB 32100-2015; LEGAL-RULES.md §H.2): 18 symbols from a 31-symbol set
 * (no I, O, S, V, Z), weighted sum mod 31 for the check character.
 */
export type CreditCodeReason = 'length' | 'illegal_character' | 'bad_check_character'

export interface CreditCodeCheck {
  valid: boolean
  reason: CreditCodeReason | null
}

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character for the first 17 symbols (all from CHARSET). */
export function creditCodeCheckChar(first17: string): string {
  let s = 0
  for (let i = 0; i < 17; i++) s += CHARSET.indexOf(first17[i]) * WEIGHTS[i]
  const c = 31 - (s % 31)
  return CHARSET[c === 31 ? 0 : c]
}

export function validateCreditCode(input: string): CreditCodeCheck {
  const s = input.trim().toUpperCase()
  if (s.length !== 18) return { valid: false, reason: 'length' }
  for (const ch of s) if (!CHARSET.includes(ch)) return { valid: false, reason: 'illegal_character' }
  if (creditCodeCheckChar(s) !== s[17]) return { valid: false, reason: 'bad_check_character' }
  return { valid: true, reason: null }
}
