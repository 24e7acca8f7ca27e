import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fenNumberToYuan, fenToYuan, yuanToFen, yuanToFenOrNull } from '../../../electron/core/money/fen'
import { formatRate, formatRatePercent, parseRateOrNull, percentToScaledRate, RATE_SCALE } from '../../../electron/core/money/rate'
import { divRoundHalfUp, roundToSafeInteger } from '../../../electron/core/money/rounding'

describe('fen', () => {
  it('parses yuan strings into integer fen without floats', () => {
    expect(yuanToFen('1234.56')).toBe(123456)
    expect(yuanToFen('0.1')).toBe(10)
    expect(yuanToFen('100')).toBe(10000)
    // 0.29 × 100 in floating point is 28.999999999999996; the string parser never goes through it.
    expect(yuanToFen('0.29')).toBe(29)
    expect(yuanToFen('9007199254.74')).toBe(900719925474)
  })
  it('refuses anything that is not a non-negative amount with at most two decimals', () => {
    for (const bad of ['-1', '1.234', '1,000', '1e3', '', ' 1', '¥1', '1.']) expect(yuanToFenOrNull(bad)).toBeNull()
    expect(() => yuanToFen('x')).toThrow()
  })
  it('formats fen back to yuan with two decimals, round-tripping exactly', () => {
    expect(fenToYuan(5)).toBe('0.05')
    expect(fenToYuan(-123456n)).toBe('-1234.56')
    expect(fenNumberToYuan(100)).toBe('1.00')
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 15 - 1 }), (f) => {
      expect(yuanToFen(fenToYuan(f))).toBe(f)
      expect(fenNumberToYuan(f)).toBe(fenToYuan(f))
    }))
  })
})

describe('rates', () => {
  it('scales decimal fractions exactly and formats them back', () => {
    expect(parseRateOrNull('0.24')).toBe(2_400_000_000)
    expect(parseRateOrNull('0.0000000001')).toBe(1)
    expect(parseRateOrNull('0.00000000001')).toBeNull()
    expect(parseRateOrNull('24%')).toBeNull()
    expect(percentToScaledRate('3.85') * 4).toBe(1_540_000_000)
    expect(formatRate(1_540_000_000)).toBe('0.154')
    expect(formatRate(0)).toBe('0')
    expect(formatRate(RATE_SCALE)).toBe('1')
    expect(formatRatePercent(1_540_000_000)).toBe('15.4')
  })
})

describe('rounding', () => {
  it('rounds half-up (away from zero) exactly once', () => {
    expect(divRoundHalfUp(5n, 10n)).toBe(1n) // 0.5 → 1
    expect(divRoundHalfUp(4n, 10n)).toBe(0n)
    expect(divRoundHalfUp(15n, 10n)).toBe(2n)
    expect(divRoundHalfUp(-15n, 10n)).toBe(-2n)
    expect(divRoundHalfUp(-14n, 10n)).toBe(-1n)
    expect(roundToSafeInteger(1_000_000_000_000_000_000_005n, 10n)).toBe(100_000_000_000_000_000_001)
    expect(() => divRoundHalfUp(1n, 0n)).toThrow()
  })
  it('agrees with the definition floor(n/d + 1/2) for non-negative numerators', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), (n, d) => {
      expect(divRoundHalfUp(n, d)).toBe((2n * n + d) / (2n * d))
    }))
  })
})
