import Decimal from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { annualiseIrr, periodicIrr } from '../../../electron/core/review/irr'
import { buildSchedule } from '../../../electron/core/review/schedule'

describe('periodicIrr against hand-computed cash flows', () => {
  it('two payments: 1,000 out, 600 + 600 in → x = (600 + √2,760,000)/2,000 − 1', () => {
    // 1000(1+x)² = 600(1+x) + 600  ⇒  (1+x) = (600 + √(600² + 4·1000·600)) / 2000
    const exact = new Decimal(2_760_000).sqrt().plus(600).dividedBy(2000).minus(1)
    const x = periodicIrr(100_000, [{ period: 1, amountFen: 60_000 }, { period: 2, amountFen: 60_000 }])!
    expect(x.minus(exact).abs().lessThan('1e-15')).toBe(true)
    expect(x.toFixed(7)).toBe('0.1306624')
    expect(annualiseIrr(x, 12)).toBe('1.5679')
  })

  it('one payment: 9,000 out, 12,400 in after 12 months → (12,400/9,000 − 1) = 0.3778 a year', () => {
    const x = periodicIrr(900_000, [{ period: 1, amountFen: 1_240_000 }])!
    expect(annualiseIrr(x, 1)).toBe('0.3778')
  })

  it('a level annuity at exactly 2 % a month gives 24 % a year', () => {
    // 10,000 at 2 %: payment = 10000·0.02·1.02^12/(1.02^12 − 1) = 945.5960 (unrounded, so the IRR is exact).
    const pay = new Decimal(10_000).times('0.02').times(new Decimal('1.02').pow(12)).dividedBy(new Decimal('1.02').pow(12).minus(1))
    expect(pay.toFixed(4)).toBe('945.5960')
    // In fen, rounded: the IRR moves by less than half a basis point.
    const x = periodicIrr(1_000_000, Array.from({ length: 12 }, (_, k) => ({ period: k + 1, amountFen: 94_560 })))!
    expect(annualiseIrr(x, 12)).toBe('0.2400')
  })

  it('payments at gaps (periods 3 and 6) are discounted by their period', () => {
    // 1,000 out, 1,100 in at period 3 only: (1+x)^3 = 1.1
    const x = periodicIrr(100_000, [{ period: 3, amountFen: 110_000 }])!
    expect(x.toFixed(8)).toBe(new Decimal('1.1').pow(new Decimal(1).dividedBy(3)).minus(1).toFixed(8))
  })

  it('returns null when there is nothing to solve', () => {
    expect(periodicIrr(0, [{ period: 1, amountFen: 100 }])).toBeNull()
    expect(periodicIrr(100, [])).toBeNull()
    // Getting back less than 1 % of what was lent is outside the search range.
    expect(periodicIrr(100_000, [{ period: 1, amountFen: 1 }])).toBeNull()
  })
})

describe('buildSchedule', () => {
  const base = {
    principalFen: 1_200_000, disbursedFen: null, annualRate: '0.12', months: 3, days: null, instalments: null,
    fees: [], startDate: '2024-01-31', dayBasis: 360 as const,
  }

  it('equal principal: 4,000 a month plus 1 % on the balance, dates by calendar month (1-31 → 2-29)', () => {
    const s = buildSchedule({ ...base, method: 'equal-principal' })!
    expect(s.flows.map((f) => [f.date, f.principalFen, f.interestFen])).toEqual([
      ['2024-01-31', -1_200_000, 0],
      ['2024-02-29', 400_000, 12_000],
      ['2024-03-31', 400_000, 8_000],
      ['2024-04-30', 400_000, 4_000],
    ])
    expect(s.periodsPerYear.toNumber()).toBe(12)
  })

  it('a bullet loan by days uses the contract day basis and annualises by basis ÷ days', () => {
    const s = buildSchedule({ ...base, method: 'bullet', months: null, days: 90, annualRate: '0.18' })!
    // 12,000 × 18 % × 90/360 = 540.00
    expect(s.flows[1]).toEqual({ period: 1, date: '2024-04-30', kind: 'payment', principalFen: 1_200_000, interestFen: 54_000, feeFen: 0, amountFen: 1_254_000 })
    expect(s.periodsPerYear.toFixed()).toBe('4')
  })

  it('fees: a deducted one lowers the outlay, a monthly one is added to each instalment, a one-off to the first', () => {
    const s = buildSchedule({
      ...base,
      method: 'interest-first',
      fees: [
        { name: '服务费', amountFen: 30_000, per: 'once', deductedAtDisbursement: true, overdue: false },
        { name: '管理费', fractionOfPrincipal: '0.005', per: 'month', deductedAtDisbursement: false, overdue: false },
        { name: '会员费', amountFen: 9_900, per: 'once', deductedAtDisbursement: false, overdue: false },
        { name: '管理费', fractionOfPrincipal: '0.001', per: 'day', deductedAtDisbursement: false, overdue: true },
      ],
    })!
    expect(s.deductedFen).toBe(30_000)
    expect(s.flows.map((f) => [f.principalFen, f.interestFen, f.feeFen])).toEqual([
      [-1_170_000, 0, 0],
      [0, 12_000, 6_000 + 9_900],
      [0, 12_000, 6_000],
      [1_200_000, 12_000, 6_000],
    ])
  })

  it('is null when the term of the loan is unknown', () => {
    expect(buildSchedule({ ...base, method: null, months: null, days: null })).toBeNull()
  })
})
