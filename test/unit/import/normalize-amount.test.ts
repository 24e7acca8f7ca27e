import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeAmountFen } from '../../../electron/core/import/normalize-amount'

const fen = (raw: string, wan = false) => {
  const r = normalizeAmountFen(raw, { wan })
  if (!r.ok) throw new Error(`${raw}: ${r.code}`)
  return r.value
}

describe('normalizeAmountFen', () => {
  it.each([
    ['1000', 100000],
    ['1000.5', 100050],
    ['1000.50', 100050],
    ['1,000.50', 100050],
    ['¥1,234.56', 123456],
    ['￥1,234.56', 123456],
    ['1234.56元', 123456],
    ['人民币5000元整', 500000],
    ['RMB 5,000', 500000],
    ['１２，３４５．６７', 1234567],
    [' 12 345.00 ', 1234500],
    ['.5', 50],
    ['0', 0],
    ['1.5万元', 1500000],
    ['1.5万', 1500000],
    ['10万', 10000000],
    ['0.0001万', 100],
    ['0.30', 30],
    ['99999999999.99', 9999999999999],
  ])('%s → %i fen', (raw, expected) => {
    expect(fen(raw)).toBe(expected)
  })

  it('reads bare numbers as 万元 when the column header says so', () => {
    expect(fen('1.5', true)).toBe(1500000)
    expect(fen('0.000001', true)).toBe(1)
  })

  it('never rounds: precision below one fen is an error', () => {
    expect(normalizeAmountFen('10.005')).toMatchObject({ ok: false, code: 'IMPORT_AMOUNT_PRECISION' })
    expect(normalizeAmountFen('0.0000001万')).toMatchObject({ ok: false, code: 'IMPORT_AMOUNT_PRECISION' })
    expect(fen('10.0000')).toBe(1000) // trailing zeros are not precision
  })

  it('rejects negatives, malformed separators and text', () => {
    expect(normalizeAmountFen('-100')).toMatchObject({ ok: false, code: 'IMPORT_AMOUNT_NEGATIVE' })
    expect(normalizeAmountFen('(100)')).toMatchObject({ ok: false, code: 'IMPORT_AMOUNT_NEGATIVE' })
    expect(normalizeAmountFen('1,00')).toMatchObject({ ok: false, code: 'IMPORT_AMOUNT_INVALID' })
    expect(normalizeAmountFen('1.2.3')).toMatchObject({ ok: false, code: 'IMPORT_AMOUNT_INVALID' })
    expect(normalizeAmountFen('壹万元')).toMatchObject({ ok: false, code: 'IMPORT_AMOUNT_INVALID' })
    expect(normalizeAmountFen('')).toMatchObject({ ok: false, code: 'IMPORT_AMOUNT_EMPTY' })
    expect(normalizeAmountFen('1e5')).toMatchObject({ ok: false, code: 'IMPORT_AMOUNT_INVALID' })
    expect(normalizeAmountFen('100000000000.01')).toMatchObject({ ok: false, code: 'IMPORT_AMOUNT_TOO_LARGE' })
  })

  it('is exact for every yuan.fen string (no float on the way)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_999_999_999_999n }), (n) => {
        const yuan = `${n / 100n}.${String(n % 100n).padStart(2, '0')}`
        const withCommas = (n / 100n).toLocaleString('en-US') + yuan.slice(yuan.indexOf('.'))
        expect(fen(yuan)).toBe(Number(n))
        expect(fen(`¥${withCommas}元`)).toBe(Number(n))
      }),
      { numRuns: 2000 },
    )
  })
})
