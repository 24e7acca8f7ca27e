import { describe, expect, it } from 'vitest'
import { idCheckChar, maskIdNumber, validateIdNumber } from '../../../electron/core/law/id-number'

describe('validateIdNumber (GB 11643-1999)', () => {
  it('accepts the standard example 11010519491231002X (female, born 1949-12-31)', () => {
    expect(validateIdNumber('11010519491231002X', '2026-11-28')).toEqual({
      valid: true, reason: null, birthDate: '1949-12-31', sex: 'female',
    })
  })

  it('accepts a lower-case x check character', () => {
    expect(validateIdNumber('11010519491231002x', '2026-11-28').valid).toBe(true)
  })

  it('computes the check character by MOD 11-2 (Σ aᵢ·wᵢ mod 11 into "10X98765432")', () => {
    const digits = '44052419800101001'
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    const sum = [...digits].reduce((s, d, i) => s + Number(d) * w[i], 0)
    expect(idCheckChar(digits)).toBe('10X98765432'[sum % 11])
    expect(validateIdNumber(digits + idCheckChar(digits), '2026-11-28')).toMatchObject({ valid: true, sex: 'male', birthDate: '1980-01-01' })
  })

  it('reports length, format, bad birth date and bad check digit in that order', () => {
    expect(validateIdNumber('1101051949123100', '2026-11-28').reason).toBe('length')
    expect(validateIdNumber('11010519491231002A', '2026-11-28').reason).toBe('format')
    // 1949-02-30 does not exist; the check digit is also wrong, but the date is reported first
    expect(validateIdNumber('110105194902300021', '2026-11-28').reason).toBe('bad_birth_date')
    expect(validateIdNumber('110105194912310021', '2026-11-28')).toMatchObject({ reason: 'bad_check_digit', birthDate: '1949-12-31' })
  })

  it('rejects a birth date in the future and accepts 29 February only in leap years', () => {
    const future = '11010520300101001'
    expect(validateIdNumber(future + idCheckChar(future), '2026-11-28').reason).toBe('bad_birth_date')
    const leap = '11010520000229001'
    expect(validateIdNumber(leap + idCheckChar(leap), '2026-11-28').valid).toBe(true)
    const notLeap = '11010519000229001'
    expect(validateIdNumber(notLeap + idCheckChar(notLeap), '2026-11-28').reason).toBe('bad_birth_date')
  })

  it('masks all but the first 6 and last 4 characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X')
  })
})
