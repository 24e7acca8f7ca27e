import { describe, expect, it } from 'vitest'
import { creditCodeCheckChar, validateCreditCode } from '../../../electron/core/law/credit-code'

describe('validateCreditCode (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    // 91350100M000100Y43 is the example code printed in GB 32100-2015 itself.
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ valid: true, reason: null })
    // Alibaba (China) Co., Ltd., as printed on its business licence.
    expect(validateCreditCode('91330100799655058B')).toEqual({ valid: true, reason: null })
  })

  it('computes the check character as 31 − (Σ vᵢ·wᵢ mod 31), 31 → 0', () => {
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY'
    const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    const body = '91350100M000100Y4'
    const sum = [...body].reduce((s, ch, i) => s + charset.indexOf(ch) * w[i], 0)
    const c = 31 - (sum % 31)
    expect(creditCodeCheckChar(body)).toBe(charset[c === 31 ? 0 : c])
    expect(creditCodeCheckChar(body)).toBe('3')
  })

  it('reports length, illegal characters (I O S V Z) and a wrong check character', () => {
    expect(validateCreditCode('91350100M000100Y4').reason).toBe('length')
    expect(validateCreditCode('91350100M000100I43').reason).toBe('illegal_character')
    expect(validateCreditCode('91350100M000100Y44').reason).toBe('bad_check_character')
  })
})
