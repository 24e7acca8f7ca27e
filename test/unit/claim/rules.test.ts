import { describe, expect, it } from 'vitest'
import { computeClaim } from '../../../electron/core/law/claim/index'
import { LPR, loan } from './fixtures'

/**
 * Hand-worked cases, one or more per rule of issue 3. Arithmetic in the comments: amounts in yuan,
 * days half-open [from, to), daily rate = annual / dayBasis, each component rounded once, half-up.
 */

describe('砍头息: principal is the amount disbursed, schedule scaled pro rata (conv. 3)', () => {
  // Contract 10,000 in three instalments 3333.33 / 3333.33 / 3333.34, only 9,000 disbursed on 2023-03-01.
  // Scaling by cumulative rounding: 333333×0.9 = 299999.7 → 300000 fen; 666666×0.9 = 599999.4 → 599999 (so 2999.99);
  // last = 900000 − 599999 = 300001 (3000.01). Cap: LPR 3.65% (2023-02-20) × 4 = 14.6%, above the agreed 12%.
  const input = loan({
    contractDate: '2023-03-01', disbursementDate: '2023-03-01', contractAmount: '10000.00', disbursedAmount: '9000.00',
    rateTerm: '0.12', rateOverdue: '0.12',
    schedule: [
      { dueDate: '2023-04-01', principal: '3333.33' },
      { dueDate: '2023-05-01', principal: '3333.33' },
      { dueDate: '2023-06-01', principal: '3333.34' },
    ],
    asOf: '2023-06-01',
  })
  const r = computeClaim(input, LPR)

  it('accrues on the scaled instalments and rounds each component once', () => {
    // term: 9000×.12×31/365 + 6000×.12×30/365 + 3000.01×.12×31/365 = 66240.0372/365 = 181.4795… → 181.48
    //   (the three lines round to 91.73 + 59.18 + 30.58 = 181.49: the component is rounded from the exact sum)
    // overdue: 3000×.12×30/365 + 5999.99×.12×31/365 = 33119.9628/365 = 90.7396… → 90.74
    expect(r.termInterest).toBe('181.48')
    expect(r.overdueInterest).toBe('90.74')
    expect(r.principalOutstanding).toBe('9000.00')
    expect(r.total).toBe('9272.22')
    const term = r.lines.filter((l) => l.kind === 'termInterest').map((l) => [l.from, l.to, l.days, l.base, l.amount])
    expect(term).toEqual([
      ['2023-03-01', '2023-04-01', 31, '9000.00', '91.73'],
      ['2023-04-01', '2023-05-01', 30, '6000.00', '59.18'],
      ['2023-05-01', '2023-06-01', 31, '3000.01', '30.58'],
    ])
    const overdue = r.lines.filter((l) => l.kind === 'overdueInterest').map((l) => [l.from, l.to, l.base])
    expect(overdue).toEqual([
      ['2023-04-01', '2023-05-01', '3000.00'],
      ['2023-05-01', '2023-06-01', '5999.99'],
    ])
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['CLAIM_PREDEDUCTED', 'CLAIM_SCHEDULE_SCALED']))
  })

  it('the uncapped block uses the contract amount and schedule as written', () => {
    // term: (10000×31 + 6666.67×30 + 3333.34×31)×.12/365 = 73600.0216/365 = 201.6439… → 201.64
    expect(r.uncapped.principalOutstanding).toBe('10000.00')
    expect(r.uncapped.termInterest).toBe('201.64')
  })
})

describe('a rate above 4 × LPR is cut to the cap (conv. 5)', () => {
  // Contract 2024-01-10: LPR 3.45% (2023-12-20) × 4 = 13.8%. Agreed 24%. 182 days to 2024-07-10.
  const r = computeClaim(loan({ rateTerm: '0.24' }), LPR)
  it('charges 13.8%, and shows the 24% the contract asks for in the uncapped block', () => {
    // capped: 10000×.138×182/365 = 251160/365 = 688.109… → 688.11; uncapped: 10000×.24×182/365 = 1196.71
    expect(r.termInterest).toBe('688.11')
    expect(r.total).toBe('10688.11')
    expect(r.uncapped.termInterest).toBe('1196.71')
    expect(r.cap.annualRate).toBe('0.138')
    expect(r.cap.basis).toContain('3.45%')
    expect(r.cap.basis).toContain('第25条')
    expect(r.lines[0]).toMatchObject({ from: '2024-01-10', to: '2024-07-10', days: 182, base: '10000.00', rate: '0.138', amount: '688.11', kind: 'termInterest' })
    expect(r.warnings.map((w) => w.code)).toContain('CLAIM_RATE_ABOVE_CAP')
  })

  it('sends a payment above the capped interest to principal', () => {
    // Paid 1000 on 2024-07-10 (= asOf): 688.11 interest, 311.89 principal. Uncapped: 1000 − 1196.71 < 0, all interest.
    const p = computeClaim(loan({ rateTerm: '0.24', payments: [{ date: '2024-07-10', amount: '1000.00' }] }), LPR)
    expect(p.allocations).toEqual([
      { date: '2024-07-10', amount: '1000.00', expenses: '0.00', termInterest: '688.11', termFees: '0.00', overdueInterest: '0.00', penaltyAndOverdueFees: '0.00', principal: '311.89' },
    ])
    expect(p.principalOutstanding).toBe('9688.11')
    expect(p.termInterest).toBe('0.00')
    expect(p.uncapped.principalOutstanding).toBe('10000.00')
    expect(p.uncapped.termInterest).toBe('196.71')
  })
})

describe('LPR change day vs the day before (LEGAL-RULES §C: a quote is in force from its publication day)', () => {
  it('a contract made on 2022-08-22 takes the new 3.65%, one made on 2022-08-21 the old 3.70%', () => {
    // 2022-08-22 → cap 14.6%: 10000×.146×31/365 = 45260/365 = 124.00
    // 2022-08-21 → cap 14.8%: 10000×.148×31/365 = 45880/365 = 125.698… → 125.70
    const onDay = computeClaim(loan({ contractDate: '2022-08-22', disbursementDate: '2022-08-22', rateTerm: '0.24', schedule: [{ dueDate: '2023-08-22', principal: '10000.00' }], asOf: '2022-09-22' }), LPR)
    const dayBefore = computeClaim(loan({ contractDate: '2022-08-21', disbursementDate: '2022-08-21', rateTerm: '0.24', schedule: [{ dueDate: '2023-08-21', principal: '10000.00' }], asOf: '2022-09-21' }), LPR)
    expect(onDay.cap.annualRate).toBe('0.146')
    expect(onDay.termInterest).toBe('124.00')
    expect(dayBefore.cap.annualRate).toBe('0.148')
    expect(dayBefore.termInterest).toBe('125.70')
  })
})

describe('pre-2020-08-20 private contract spanning the transition (conv. 5, 规定第31条)', () => {
  // Contract 2020-01-15, 30% agreed, filed 2021-03-01 (LPR 3.85% → 15.4%). asOf 2020-10-15.
  // 2020-01-15 → 2020-08-20 = 218 days at 24%; 2020-08-20 → 2020-10-15 = 56 days at 15.4%.
  const base = loan({
    contractDate: '2020-01-15', disbursementDate: '2020-01-15', rateTerm: '0.30', filingDate: '2021-03-01',
    schedule: [{ dueDate: '2021-01-15', principal: '10000.00' }], asOf: '2020-10-15',
  })
  it('caps at 24% before 2020-08-20 and at 4 × the filing-date LPR from then on', () => {
    // (10000×.24×218 + 10000×.154×56)/365 = (523200 + 86240)/365 = 1669.698… → 1669.70; uncapped 10000×.30×274/365 = 2252.05
    const r = computeClaim(base, LPR)
    expect(r.termInterest).toBe('1669.70')
    expect(r.uncapped.termInterest).toBe('2252.05')
    expect(r.cap.annualRate).toBe('0.154')
    expect(r.cap.periods.map((p) => [p.from, p.to, p.annualRate])).toEqual([
      ['2020-01-15', '2020-08-20', '0.24'],
      ['2020-08-20', null, '0.154'],
    ])
    expect(r.lines.map((l) => [l.from, l.to, l.days, l.rate, l.amount])).toEqual([
      ['2020-01-15', '2020-08-20', 218, '0.24', '1433.42'],
      ['2020-08-20', '2020-10-15', 56, '0.154', '236.27'],
    ])
  })

  it('a case filed before 2020-08-20 stays under the 24% line throughout', () => {
    // 10000×.24×274/365 = 657600/365 = 1801.643… → 1801.64
    expect(computeClaim({ ...base, filingDate: '2020-08-01' }, LPR).termInterest).toBe('1801.64')
  })

  it('neither rate agreed: 6% before 2020-08-20, then the LPR of 2020-08-20 (3.85%)', () => {
    // Overdue from 2020-06-01: 80 days at 6% + 42 days at 3.85%: (48000 + 16170)/365 = 175.808… → 175.81
    const r = computeClaim(loan({
      contractDate: '2020-03-01', disbursementDate: '2020-03-01', filingDate: '2021-03-01',
      schedule: [{ dueDate: '2020-06-01', principal: '10000.00' }], asOf: '2020-10-01',
    }), LPR)
    expect(r.termInterest).toBe('0.00')
    expect(r.overdueInterest).toBe('175.81')
    expect(r.lines.map((l) => [l.from, l.to, l.rate])).toEqual([
      ['2020-06-01', '2020-08-20', '0.06'],
      ['2020-08-20', '2020-10-01', '0.0385'],
    ])
  })
})

describe('overdue interest + penalty + fees + flat penalty above the cap (第29条)', () => {
  // Cap 13.8%. Bullet due 2024-04-10: term 91 days, overdue 91 days to 2024-07-10.
  const base = loan({ rateTerm: '0.10', rateOverdue: '0.10', schedule: [{ dueDate: '2024-04-10', principal: '10000.00' }] })
  it('fills the cap in the order interest → penalty rate → fee rate, and leaves nothing for the flat penalty', () => {
    // term 10000×.10×91/365 = 249.32; overdue interest 249.32; penalty min(.05, .138−.10) = .038: 34580/365 = 94.74;
    // fee rate min(.02, 0) = 0; headroom 0 → flat penalty 0.  Total 10000 + 249.32 + 249.32 + 94.74 = 10593.38.
    // Uncapped: penalty .05 + fee .02 → 63700/365 = 174.52…, + flat 100 → 274.52.
    const r = computeClaim({ ...base, penaltyRate: '0.05', feeRateOverdue: '0.02', penaltyFlat: '100.00' }, LPR)
    expect([r.termInterest, r.overdueInterest, r.penaltyAndOverdueFees, r.total]).toEqual(['249.32', '249.32', '94.74', '10593.38'])
    expect(r.uncapped.penaltyAndOverdueFees).toBe('274.52')
    expect(r.uncapped.total).toBe('10773.16')
    expect(r.lines.find((l) => l.kind === 'penaltyFlat')).toMatchObject({ from: '2024-04-10', to: '2024-07-10', days: 91, base: '100.00', amount: '0.00' })
    expect(r.lines.some((l) => l.kind === 'overdueFee')).toBe(false)
    expect(r.warnings.map((w) => w.code)).toContain('CLAIM_FLAT_PENALTY_REDUCED')
  })

  it('allows a flat penalty only up to the headroom left over the overdue period', () => {
    // headroom = 10000×(.138 − .10)×91/365 = 94.74 → a 100 flat penalty is cut to 94.74; a 50 one stands.
    expect(computeClaim({ ...base, penaltyFlat: '100.00' }, LPR).penaltyAndOverdueFees).toBe('94.74')
    expect(computeClaim({ ...base, penaltyFlat: '50.00' }, LPR).penaltyAndOverdueFees).toBe('50.00')
  })
})

describe('neither rate agreed: the LPR in force on each first overdue day (第28条第2款(一))', () => {
  it('an instalment overdue from 2024-10-20 takes 3.35%, one from 2024-10-21 (LPR change day) 3.10%', () => {
    // (5000×.0335×31 + 5000×.031×30)/365 = (5192.5 + 4650)/365 = 26.965… → 26.97
    const r = computeClaim(loan({
      contractDate: '2024-09-01', disbursementDate: '2024-09-01',
      schedule: [{ dueDate: '2024-10-20', principal: '5000.00' }, { dueDate: '2024-10-21', principal: '5000.00' }],
      asOf: '2024-11-20',
    }), LPR)
    expect(r.termInterest).toBe('0.00')
    expect(r.overdueInterest).toBe('26.97')
    expect(r.total).toBe('10026.97')
    expect(r.lines.map((l) => [l.from, l.base, l.rate, l.amount])).toEqual([
      ['2024-10-20', '5000.00', '0.0335', '14.23'],
      ['2024-10-21', '5000.00', '0.031', '12.74'],
    ])
    expect(r.warnings.map((w) => w.code)).toContain('CLAIM_OVERDUE_RATE_FROM_LPR')
  })

  it('only the overdue rate missing: the term rate applies (第28条第2款(二))', () => {
    // 10000×.12×61/365 on [2024-04-10, 2024-06-10) = 73200/365 = 200.547… → 200.55
    const r = computeClaim(loan({ rateTerm: '0.12', schedule: [{ dueDate: '2024-04-10', principal: '10000.00' }], asOf: '2024-06-10' }), LPR)
    expect(r.overdueInterest).toBe('200.55')
  })
})

describe('payments in the 民法典第561条 order, expenses first', () => {
  // 10000 bullet due 2024-04-10, 12% term and overdue, 1% penalty (within 13.8%), expense 300 on 2024-05-01.
  // Owed on 2024-06-10: expense 300; term 109200/365 = 299.18; overdue 73200/365 = 200.55; penalty 6100/365 = 16.71.
  const base = loan({
    rateTerm: '0.12', rateOverdue: '0.12', penaltyRate: '0.01', schedule: [{ dueDate: '2024-04-10', principal: '10000.00' }],
    expenses: [{ date: '2024-05-01', amount: '300.00' }],
  })
  it('a 500 payment covers the expense, then part of the term interest', () => {
    // 500 → 300 expense, 200 term interest; term left = (109200 − 73000)/365 = 99.18.
    // Then 30 days to 2024-07-10: overdue (73200 + 36000)/365 = 299.18; penalty (6100 + 3000)/365 = 24.93.
    const r = computeClaim({ ...base, payments: [{ date: '2024-06-10', amount: '500.00' }] }, LPR)
    expect(r.allocations[0]).toMatchObject({ expenses: '300.00', termInterest: '200.00', overdueInterest: '0.00', principal: '0.00' })
    expect([r.expenses, r.termInterest, r.overdueInterest, r.penaltyAndOverdueFees, r.principalOutstanding, r.total])
      .toEqual(['0.00', '99.18', '299.18', '24.93', '10000.00', '10423.29'])
  })

  it('a 2000 payment clears every charge and reduces principal; later interest runs on the lower balance', () => {
    // 2000 − 300 − 299.18 − 200.55 − 16.71 = 1183.56 to principal → 8816.44.
    // 30 days: overdue 8816.44×.12×30/365 = 86.96; penalty 8816.44×.01×30/365 = 7.25. Total 8910.65.
    const r = computeClaim({ ...base, payments: [{ date: '2024-06-10', amount: '2000.00' }] }, LPR)
    expect(r.allocations[0]).toEqual({
      date: '2024-06-10', amount: '2000.00', expenses: '300.00', termInterest: '299.18', termFees: '0.00',
      overdueInterest: '200.55', penaltyAndOverdueFees: '16.71', principal: '1183.56',
    })
    expect([r.termInterest, r.overdueInterest, r.penaltyAndOverdueFees, r.principalOutstanding, r.total])
      .toEqual(['0.00', '86.96', '7.25', '8816.44', '8910.65'])
  })

  it('interest for a payment day runs on the balance after that payment (conv. 2)', () => {
    // 2024-01-01, 12%: 10 days → 32.88 interest; 5000 paid on 2024-01-11 leaves 5032.88 principal;
    // 10 more days: 5032.88×.12×10/365 = 16.546… → 16.55.
    const r = computeClaim(loan({
      contractDate: '2024-01-01', disbursementDate: '2024-01-01', rateTerm: '0.12', schedule: [{ dueDate: '2024-12-31', principal: '10000.00' }],
      payments: [{ date: '2024-01-11', amount: '5000.00' }], asOf: '2024-01-21',
    }), LPR)
    expect(r.allocations[0]).toMatchObject({ termInterest: '32.88', principal: '4967.12' })
    expect([r.principalOutstanding, r.termInterest, r.total]).toEqual(['5032.88', '16.55', '5049.43'])
  })
})

describe('day count', () => {
  const at12 = (from: string, to: string) =>
    computeClaim(loan({ contractDate: from, disbursementDate: from, rateTerm: '0.12', schedule: [{ dueDate: '2026-01-01', principal: '10000.00' }], asOf: to }), LPR)

  it('leap years: February 2024 has 29 days, February 2023 has 28, and 2024 has 366 days on a 365 basis', () => {
    // 10000×.12×29/365 = 95.34; ×28/365 = 92.05; ×366/365 = 1203.29
    expect(at12('2024-02-01', '2024-03-01').termInterest).toBe('95.34')
    expect(at12('2023-02-01', '2023-03-01').termInterest).toBe('92.05')
    expect(at12('2024-01-01', '2025-01-01').termInterest).toBe('1203.29')
  })

  it('runs up to, not including, asOf: asOf on the disbursement day gives no interest, the next day one day', () => {
    // one day: 10000×.12/365 = 3.287… → 3.29
    expect(at12('2024-02-01', '2024-02-01').termInterest).toBe('0.00')
    expect(at12('2024-02-01', '2024-02-02').termInterest).toBe('3.29')
  })

  it('360 vs 365: licensed defaults to 360, private to 365, and dayBasis overrides', () => {
    // 60 days at 18%: 10000×.18×60/360 = 300.00; /365 = 295.89
    const licensed = loan({ regime: 'licensed', contractDate: '2024-01-01', disbursementDate: '2024-01-01', rateTerm: '0.18', asOf: '2024-03-01' })
    expect(computeClaim(licensed, LPR).termInterest).toBe('300.00')
    expect(computeClaim(licensed, LPR).dayBasis).toBe(360)
    expect(computeClaim({ ...licensed, dayBasis: 365 }, LPR).termInterest).toBe('295.89')
    // The same terms as a private loan: 365 days, and 18% is above 4 × 3.45% = 13.8%: 10000×.138×60/365 = 226.849… → 226.85
    expect(computeClaim({ ...licensed, regime: 'private' }, LPR).termInterest).toBe('226.85')
    expect(computeClaim({ ...licensed, regime: 'private' }, LPR).dayBasis).toBe(365)
  })
})

describe('licensed lenders: 24% total cost (法发〔2017〕22号第2条)', () => {
  it('term interest 18% leaves 6% for fees; overdue 27% is cut to 24% and the penalty gets nothing', () => {
    // term [2024-01-01, 2024-03-01) 60 days /360: interest 10000×.18×60/360 = 300.00; fees .06 → 100.00 (uncapped .12 → 200.00)
    // overdue [2024-03-01, 2024-04-01) 31 days: 10000×.24×31/360 = 206.666… → 206.67; penalty 0 (uncapped .05 → 43.06)
    const r = computeClaim(loan({
      regime: 'licensed', contractDate: '2024-01-01', disbursementDate: '2024-01-01', rateTerm: '0.18', feeRateTerm: '0.12',
      rateOverdue: '0.27', penaltyRate: '0.05', schedule: [{ dueDate: '2024-03-01', principal: '10000.00' }], asOf: '2024-04-01',
    }), LPR)
    expect([r.termInterest, r.termFees, r.overdueInterest, r.penaltyAndOverdueFees]).toEqual(['300.00', '100.00', '206.67', '0.00'])
    expect([r.uncapped.termFees, r.uncapped.overdueInterest, r.uncapped.penaltyAndOverdueFees]).toEqual(['200.00', '232.50', '43.06'])
    expect(r.cap.annualRate).toBe('0.24')
    expect(r.cap.basis).toContain('法发〔2017〕22号')
  })
})
