import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeClaim } from '../../../electron/core/law/claim/index'
import { addDays, addMonths } from '../../../shared/domain/date'
import type { ClaimComponents, ClaimInput } from '../../../shared/domain/claim'
import { fen, LPR } from './fixtures'

/**
 * Property-based checks over random loans: both regimes, 1–6 instalments, 砍头息, any mix of agreed rates,
 * flat penalties, expenses and small payments (small enough never to exceed what is owed).
 */

const yuan = (f: number) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`
const rate = fc.option(fc.constantFrom('0', '0.036', '0.08', '0.12', '0.154', '0.18', '0.24', '0.36', '0.0005', '1'), { nil: undefined })

const loanArb: fc.Arbitrary<ClaimInput> = fc
  .record({
    licensed: fc.boolean(),
    startOffset: fc.integer({ min: 0, max: 1500 }),
    instalments: fc.array(fc.integer({ min: 10_000, max: 500_000 }), { minLength: 1, maxLength: 6 }),
    cutPermille: fc.integer({ min: 0, max: 300 }),
    rateTerm: rate, feeRateTerm: rate, rateOverdue: rate, penaltyRate: rate, feeRateOverdue: rate,
    penaltyFlat: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
    days: fc.integer({ min: 0, max: 900 }),
    payments: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), fen: fc.integer({ min: 0, max: 5_000 }) }), { maxLength: 4 }),
    expenses: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), fen: fc.integer({ min: 0, max: 50_000 }) }), { maxLength: 2 }),
    dayBasis: fc.option(fc.constantFrom(360 as const, 365 as const), { nil: undefined }),
  })
  .map((g): ClaimInput => {
    const start = addDays('2020-09-01', g.startOffset)
    const asOf = addDays(start, g.days)
    const contractFen = g.instalments.reduce((a, b) => a + b, 0)
    const at = (x: number) => addDays(start, Math.floor(x * g.days))
    return {
      regime: g.licensed ? 'licensed' : 'private',
      contractDate: start,
      disbursementDate: start,
      contractAmount: yuan(contractFen),
      disbursedAmount: yuan(contractFen - Math.floor((contractFen * g.cutPermille) / 1000)),
      rateTerm: g.rateTerm, feeRateTerm: g.feeRateTerm, rateOverdue: g.rateOverdue, penaltyRate: g.penaltyRate, feeRateOverdue: g.feeRateOverdue,
      penaltyFlat: g.penaltyFlat === undefined ? undefined : yuan(g.penaltyFlat),
      schedule: g.instalments.map((p, i) => ({ dueDate: addMonths(start, i + 1), principal: yuan(p) })),
      payments: g.payments.map((p) => ({ date: at(p.at), amount: yuan(p.fen) })),
      expenses: g.expenses.map((e) => ({ date: at(e.at), amount: yuan(e.fen) })),
      dayBasis: g.dayBasis,
      asOf,
    }
  })

/** Payments are at most 50 yuan each against at least 70 yuan of principal, so this is rare; a larger payment in
 *  the monotonicity property can still exceed the debt, which is bad input and rejected. */
function compute(input: ClaimInput) {
  try {
    return computeClaim(input, LPR)
  } catch (e) {
    if ((e as { code?: string }).code === 'CLAIM_PAYMENT_EXCEEDS_OWED') return null
    throw e
  }
}

const PARTS = ['principalOutstanding', 'termInterest', 'termFees', 'overdueInterest', 'penaltyAndOverdueFees', 'expenses'] as const
const sumOfParts = (c: ClaimComponents) => PARTS.reduce((a, k) => a + fen(c[k]), 0)

describe('claim engine properties', () => {
  it('total is the sum of the rounded parts, capped and uncapped', () => {
    fc.assert(
      fc.property(loanArb, (input) => {
        const r = compute(input)
        if (!r) return
        expect(fen(r.total)).toBe(sumOfParts(r))
        expect(fen(r.uncapped.total)).toBe(sumOfParts(r.uncapped))
      }),
      { numRuns: 400 },
    )
  })

  it('capped never exceeds uncapped, in total and in every component', () => {
    fc.assert(
      fc.property(loanArb, (input) => {
        const r = compute(input)
        if (!r) return
        expect(fen(r.total)).toBeLessThanOrEqual(fen(r.uncapped.total))
        for (const k of PARTS) expect(fen(r[k])).toBeLessThanOrEqual(fen(r.uncapped[k]))
      }),
      { numRuns: 400 },
    )
  })

  it('more payment never raises what is owed', () => {
    fc.assert(
      fc.property(loanArb, fc.integer({ min: 1, max: 100_000 }), fc.nat(), (input, extraFen, which) => {
        if (input.payments.length === 0) return
        const before = compute(input)
        if (!before) return
        const i = which % input.payments.length
        const payments = input.payments.map((p, j) => (j === i ? { ...p, amount: yuan(fen(p.amount) + extraFen) } : p))
        const after = compute({ ...input, payments })
        if (!after) return // the larger payment now exceeds everything owed: bad input, rejected
        expect(fen(after.total)).toBeLessThanOrEqual(fen(before.total))
      }),
      { numRuns: 400 },
    )
  })

  it('lines: false changes nothing but the lines', () => {
    fc.assert(
      fc.property(loanArb, (input) => {
        const r = compute(input)
        if (!r) return
        expect(computeClaim(input, LPR, { lines: false })).toEqual({ ...r, lines: [] })
      }),
      { numRuns: 200 },
    )
  })

  it('results never depend on the input order of payments, expenses or instalments', () => {
    fc.assert(
      fc.property(loanArb, fc.nat(), (input, seed) => {
        const r = compute(input)
        if (!r) return
        const rotate = <T>(xs: T[]) => (xs.length === 0 ? xs : [...xs.slice(seed % xs.length), ...xs.slice(0, seed % xs.length)].reverse())
        const shuffled = { ...input, payments: rotate(input.payments), expenses: rotate(input.expenses), schedule: rotate(input.schedule) }
        expect(compute(shuffled)).toEqual(r)
      }),
      { numRuns: 300 },
    )
  })
})
