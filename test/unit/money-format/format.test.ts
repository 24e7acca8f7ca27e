import { expect, it } from 'vitest'
import { fenToYuan, formatFen } from '../../../shared/domain/money'

it('formats integer fen without float rounding', () => {
  expect(fenToYuan(0)).toBe('0.00')
  expect(fenToYuan(5)).toBe('0.05')
  expect(fenToYuan(-1234)).toBe('-12.34')
  expect(formatFen(123456789)).toBe('1,234,567.89')
  expect(formatFen(9_007_199_254_740_991)).toBe('90,071,992,547,409.91')
})
