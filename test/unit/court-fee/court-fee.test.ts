import { describe, expect, it } from 'vitest'
import { courtFee } from '../../../electron/core/law/court-fee'
import { UserError } from '../../../electron/core/errors'
import { courtFeeResultSchema } from '../../../shared/domain/claim'

/**
 * 诉讼费用交纳办法 第13条(一) (50 flat to 10,000; 2.5% to 100,000; 2% to 200,000; 1.5% to 500,000; 1% to 1,000,000;
 * 0.9% / 0.8% / 0.7% / 0.6% / 0.5% above), 第14条(二) preservation, halves and thirds of the unrounded fee.
 */
describe('courtFee: case acceptance fee at the band edges', () => {
  it.each([
    // claim, full, fullYuan, half, third, preservation — arithmetic:
    // 10,000: 50; half 25; third 16.666… → 16.67; preservation 30 + 9,000×1% = 120
    ['10000', '50.00', '50', '25.00', '16.67', '120.00'],
    // 100,000: 50 + 90,000×2.5% = 2,300; third 766.666… → 766.67; preservation 30 + 99,000×1% = 1,020
    ['100000', '2300.00', '2300', '1150.00', '766.67', '1020.00'],
    // 200,000: 2,300 + 100,000×2% = 4,300; third 1,433.333… → 1,433.33; preservation 1,020 + 100,000×0.5% = 1,520
    ['200000', '4300.00', '4300', '2150.00', '1433.33', '1520.00'],
    // 500,000: 4,300 + 300,000×1.5% = 8,800; third 2,933.33; preservation 1,020 + 400,000×0.5% = 3,020
    ['500000', '8800.00', '8800', '4400.00', '2933.33', '3020.00'],
    // 1,000,000: 8,800 + 500,000×1% = 13,800; preservation 1,020 + 900,000×0.5% = 5,520 → capped at 5,000
    ['1000000', '13800.00', '13800', '6900.00', '4600.00', '5000.00'],
    // 30,000,000: 13,800 + 9,000 + 24,000 + 35,000 + 60,000 + 10,000,000×0.5% = 191,800
    ['30000000', '191800.00', '191800', '95900.00', '63933.33', '5000.00'],
    // 500 (below both flats): 50 and 30
    ['500', '50.00', '50', '25.00', '16.67', '30.00'],
  ])('claim %s yuan', (claim, fullFee, fullFeeYuan, halfFee, paymentOrderFee, preservationFee) => {
    const r = courtFee(claim)
    expect(r).toEqual({ fullFee, fullFeeYuan, halfFee, paymentOrderFee, preservationFee })
    expect(courtFeeResultSchema.parse(r)).toEqual(r)
  })

  it('rounds once, half-up, from the unrounded fee', () => {
    // 10,000.20: 50 + 0.20×2.5% = 50.005 → 50.01; half 25.0025 → 25.00 (not 50.01/2); third 16.668… → 16.67
    expect(courtFee('10000.20')).toMatchObject({ fullFee: '50.01', fullFeeYuan: '50', halfFee: '25.00', paymentOrderFee: '16.67' })
    // 12,345.67: 50 + 2,345.67×2.5% = 108.64175 → 108.64, whole yuan 109; half 54.320875 → 54.32; third 36.2139… → 36.21;
    // preservation 30 + 11,345.67×1% = 143.4567 → 143.46
    expect(courtFee('12345.67')).toEqual({ fullFee: '108.64', fullFeeYuan: '109', halfFee: '54.32', paymentOrderFee: '36.21', preservationFee: '143.46' })
    // 12,340: 50 + 2,340×2.5% = 108.50 → whole yuan half-up 109
    expect(courtFee('12340').fullFeeYuan).toBe('109')
    // 12,339.99: 108.49975 → 108.50 to the fen, but 108 to the whole yuan (rounded from the unrounded fee)
    expect(courtFee('12339.99')).toMatchObject({ fullFee: '108.50', fullFeeYuan: '108' })
  })

  it('rejects a zero, negative or malformed claim with a field-named error', () => {
    for (const bad of ['0', '-100', '1e5', '100.001', '']) {
      try {
        courtFee(bad)
        throw new Error('accepted ' + bad)
      } catch (e) {
        expect(e).toBeInstanceOf(UserError)
        expect((e as UserError).code).toBe('COURT_FEE_CLAIM_INVALID')
        expect((e as UserError).field).toBe('claim')
      }
    }
  })
})
