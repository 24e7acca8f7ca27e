import { expect, it } from 'vitest'
import { formatRatePercent, percentToFraction } from '../../../shared/domain/rate'

it('shows decimal-fraction rates as percents without float error', () => {
  expect(formatRatePercent('0.154')).toBe('15.4%')
  expect(formatRatePercent('0.24')).toBe('24%')
  expect(formatRatePercent('0.1')).toBe('10%')
  expect(formatRatePercent('0.0385')).toBe('3.85%')
  expect(formatRatePercent('0.000365')).toBe('0.0365%')
  expect(formatRatePercent('1')).toBe('100%')
  expect(formatRatePercent(null)).toBe('—')
})

it('reads percents as people type them into decimal fractions, as text', () => {
  expect(percentToFraction('24')).toBe('0.24')
  expect(percentToFraction('24%')).toBe('0.24')
  expect(percentToFraction(' 15.4 % ')).toBe('0.154')
  expect(percentToFraction('3.85')).toBe('0.0385')
  expect(percentToFraction('7')).toBe('0.07')
  expect(percentToFraction('0.5')).toBe('0.005')
  expect(percentToFraction('0.0365')).toBe('0.000365')
  expect(percentToFraction('100')).toBe('1')
  expect(percentToFraction('150')).toBe('1.5') // the engine refuses it as above 100 % a year, naming the field
  expect(percentToFraction('036')).toBe('0.36')
  expect(percentToFraction('0')).toBe('0')
  for (const s of ['', 'abc', '-24', '24%%', '1,5', '.5']) expect(percentToFraction(s)).toBeNull()
  // Round trip with the display form.
  for (const p of ['24', '15.4', '3.85', '0.0365', '100']) expect(formatRatePercent(percentToFraction(p))).toBe(`${p}%`)
})
