import { describe, expect, it } from 'vitest'
import { yuanToChineseUpper } from '../../electron/core/documents/amount-words'
import { formatDateZh, formatRatePct, formatYuan, maskNumber } from '../../electron/core/documents/format'

describe('yuanToChineseUpper (大写金额)', () => {
  it.each([
    ['12345.67', '壹万贰仟叁佰肆拾伍元陆角柒分'],
    ['0', '零元整'],
    ['0.00', '零元整'],
    ['100', '壹佰元整'],
    ['10', '壹拾元整'],
    ['10.07', '壹拾元零柒分'],
    ['1000.50', '壹仟元伍角整'],
    ['1005.07', '壹仟零伍元零柒分'],
    ['1050', '壹仟零伍拾元整'],
    ['0.07', '柒分'],
    ['0.5', '伍角整'],
    ['100000', '壹拾万元整'],
    ['100500', '壹拾万零伍佰元整'],
    ['1000000.01', '壹佰万元零壹分'],
    ['100010000', '壹亿零壹万元整'],
    ['100000500', '壹亿零伍佰元整'],
    ['9492.66', '玖仟肆佰玖拾贰元陆角陆分'],
    ['20000000', '贰仟万元整'],
    ['-35.2', '负叁拾伍元贰角整'],
  ])('%s → %s', (amount, words) => {
    expect(yuanToChineseUpper(amount)).toBe(words)
  })

  it('rounds a third decimal half-up to the fen', () => {
    expect(yuanToChineseUpper('1.005')).toBe('壹元零壹分')
  })

  it('rejects text that is not a number', () => {
    expect(() => yuanToChineseUpper('12,000')).toThrow()
  })
})

describe('format helpers', () => {
  it('formats yuan with separators and two decimals', () => {
    expect(formatYuan('1234567.8')).toBe('1,234,567.80')
    expect(formatYuan('999')).toBe('999.00')
    expect(formatYuan('-1000')).toBe('-1,000.00')
    expect(formatYuan('abc')).toBeUndefined()
  })
  it('formats dates the way courts write them', () => {
    expect(formatDateZh('2024-07-01')).toBe('2024年7月1日')
    expect(formatDateZh('2023-02-29')).toBeUndefined()
  })
  it('formats rates as percentages', () => {
    expect(formatRatePct('0.154')).toBe('15.4%')
    expect(formatRatePct('0.24')).toBe('24%')
    expect(formatRatePct('0.0365')).toBe('3.65%')
  })
  it('masks ID and phone numbers', () => {
    expect(maskNumber('440106199001011234')).toBe('4401**********1234')
    expect(maskNumber('13800138000')).toBe('138****8000')
  })
})
