import { describe, expect, it } from 'vitest'
import { normalizeCreditCodeCell, normalizeIdNumberCell } from '../../../electron/core/import/normalize-identity'
import { normalizeCount, normalizeRepaymentMethod } from '../../../electron/core/import/normalize-misc'
import { normalizePhones } from '../../../electron/core/import/normalize-phone'

const TODAY = '2026-11-28'

describe('normalizePhones', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['(138)0013-8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
  ])('%s → %s', (raw, phone) => {
    expect(normalizePhones(raw)).toEqual({ ok: true, value: { primary: phone, others: [] } })
  })

  it('keeps every number of a multi-number cell, first one primary, duplicates dropped', () => {
    expect(normalizePhones('13800138000/13900139000，13800138000')).toEqual({ ok: true, value: { primary: '13800138000', others: ['13900139000'] } })
  })

  it('rejects landlines, short numbers and text', () => {
    for (const raw of ['010-12345678', '1380013800', '12800138000', '无']) {
      expect(normalizePhones(raw)).toMatchObject({ ok: false, code: 'IMPORT_PHONE_INVALID' })
    }
  })
})

describe('normalizeIdNumberCell / normalizeCreditCodeCell', () => {
  it('canonicalises spaces, full-width characters and a lower-case x', () => {
    expect(normalizeIdNumberCell(' 110105 19491231 002x ', TODAY)).toEqual({ ok: true, value: '11010519491231002X' })
    expect(normalizeIdNumberCell('１１０１０５１９４９１２３１００２Ｘ', TODAY)).toEqual({ ok: true, value: '11010519491231002X' })
  })

  it('explains each failure', () => {
    expect(normalizeIdNumberCell('110105194912310021', TODAY)).toMatchObject({ ok: false, code: 'IMPORT_ID_INVALID', message: '身份证号“110105194912310021”校验位错误' })
    expect(normalizeIdNumberCell('1.10105E+17', TODAY)).toMatchObject({ ok: false, code: 'IMPORT_ID_AS_NUMBER' })
    expect(normalizeIdNumberCell('110105491231002', TODAY)).toMatchObject({ ok: false, code: 'IMPORT_ID_LEGACY' })
    expect(normalizeIdNumberCell('11010519490231002X', TODAY)).toMatchObject({ ok: false, code: 'IMPORT_ID_INVALID', messageEn: 'ID number "11010519490231002X" has an invalid birth date' })
    expect(normalizeIdNumberCell('', TODAY)).toMatchObject({ ok: false, code: 'IMPORT_ID_EMPTY' })
  })

  it('checks credit codes with GB 32100', () => {
    expect(normalizeCreditCodeCell('91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' })
    expect(normalizeCreditCodeCell('91350100M000100Y44')).toMatchObject({ ok: false, code: 'IMPORT_CREDIT_CODE_INVALID', message: '统一社会信用代码“91350100M000100Y44”校验位错误' })
    expect(normalizeCreditCodeCell('91350100M000100I43')).toMatchObject({ ok: false, code: 'IMPORT_CREDIT_CODE_INVALID' })
  })
})

describe('counts and repayment methods', () => {
  it('reads counts with units and Excel decimals', () => {
    const what = { zh: '期数', en: 'Instalments' }
    expect(normalizeCount('12期', what, 600)).toEqual({ ok: true, value: 12 })
    expect(normalizeCount('12.0', what, 600)).toEqual({ ok: true, value: 12 })
    expect(normalizeCount('30天', what, 600)).toEqual({ ok: true, value: 30 })
    expect(normalizeCount('12.5', what, 600)).toMatchObject({ ok: false, code: 'IMPORT_COUNT_INVALID' })
    expect(normalizeCount('601', what, 600)).toMatchObject({ ok: false, code: 'IMPORT_COUNT_INVALID' })
  })

  it('maps 还款方式 wording to the 要素式 methods', () => {
    expect(normalizeRepaymentMethod('等额本息')).toBe('equal_instalment')
    expect(normalizeRepaymentMethod('等额本金')).toBe('equal_principal')
    expect(normalizeRepaymentMethod('到期一次性还本付息')).toBe('bullet')
    expect(normalizeRepaymentMethod('到期还本付息')).toBe('bullet')
    expect(normalizeRepaymentMethod('按月付息，到期还本')).toBe('interest_first')
    expect(normalizeRepaymentMethod('先息后本')).toBe('interest_first')
    expect(normalizeRepaymentMethod('随借随还')).toBe('other')
    expect(normalizeRepaymentMethod('')).toBeNull()
  })
})
