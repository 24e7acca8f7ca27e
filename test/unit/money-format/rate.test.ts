import { expect, it } from 'vitest'
import { formatRatePercent } from '../../../shared/domain/rate'

it('shows decimal-fraction rates as percents without float error', () => {
  expect(formatRatePercent('0.154')).toBe('15.4%')
  expect(formatRatePercent('0.24')).toBe('24%')
  expect(formatRatePercent('0.1')).toBe('10%')
  expect(formatRatePercent('0.0385')).toBe('3.85%')
  expect(formatRatePercent('0.000365')).toBe('0.0365%')
  expect(formatRatePercent('1')).toBe('100%')
  expect(formatRatePercent(null)).toBe('—')
})
