import { describe, expect, it } from 'vitest'
import { computeClaim, parseClaimInput } from '../../../electron/core/law/claim/index'
import { UserError } from '../../../electron/core/errors'
import type { ClaimInput } from '../../../shared/domain/claim'
import { LPR, loan } from './fixtures'

/** Run `f`, expect a UserError, and return it so the test can check code, field and both messages. */
function userError(f: () => unknown): UserError {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(UserError)
    return e as UserError
  }
  throw new Error('expected a UserError, got a result')
}

const viaEngine = (over: Partial<ClaimInput>) => userError(() => computeClaim(loan(over), LPR))
const viaSchema = (over: Record<string, unknown>) => userError(() => parseClaimInput({ ...loan(), ...over }))

describe('field formats: the schema (door) and the engine (stored loans) give the same code and field', () => {
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['a percent-looking rate "24"', { rateTerm: '24' }, 'CLAIM_RATE_PERCENT', 'rateTerm'],
    ['a rate with a percent sign', { rateOverdue: '24%' }, 'CLAIM_RATE_PERCENT', 'rateOverdue'],
    ['a rate above 1', { penaltyRate: '1.5' }, 'CLAIM_RATE_PERCENT', 'penaltyRate'],
    ['a negative rate', { feeRateTerm: '-0.1' }, 'CLAIM_RATE_NEGATIVE', 'feeRateTerm'],
    ['a negative amount', { disbursedAmount: '-100.00' }, 'CLAIM_AMOUNT_NEGATIVE', 'disbursedAmount'],
    ['three decimals', { contractAmount: '100.005' }, 'CLAIM_AMOUNT_FORMAT', 'contractAmount'],
    ['an impossible date', { asOf: '2023-02-29' }, 'CLAIM_DATE_INVALID', 'asOf'],
    ['month 13', { contractDate: '2024-13-01' }, 'CLAIM_DATE_INVALID', 'contractDate'],
    ['an impossible payment date', { payments: [{ date: '2024-04-31', amount: '1.00' }] }, 'CLAIM_DATE_INVALID', 'payments[0].date'],
    ['a negative payment', { payments: [{ date: '2024-04-01', amount: '-5' }] }, 'CLAIM_AMOUNT_NEGATIVE', 'payments[0].amount'],
    ['a negative instalment', { schedule: [{ dueDate: '2025-01-10', principal: '-1' }] }, 'CLAIM_AMOUNT_NEGATIVE', 'schedule[0].principal'],
  ]
  for (const [what, over, code, field] of cases) {
    it(`${what} → ${code} on ${field}`, () => {
      for (const e of [viaSchema(over), viaEngine(over as Partial<ClaimInput>)]) {
        expect(e.code).toBe(code)
        expect(e.field).toBe(field)
        expect(e.messageEn).toContain(field)
        expect(e.message).toMatch(/[\u4e00-\u9fff]/)
        expect(e.message).toContain(field)
      }
    })
  }

  it('says in Chinese that 24% is written "0.24"', () => {
    expect(viaEngine({ rateTerm: '24' }).message).toContain('0.24')
    expect(viaEngine({ rateTerm: '24' }).message).toContain('借期内利率')
  })

  it('the schema reports a missing field', () => {
    const e = userError(() => parseClaimInput({ ...loan(), asOf: undefined }))
    expect(e.code).toBe('CLAIM_INPUT_INVALID')
    expect(e.field).toBe('asOf')
  })
})

describe('cross-field rules', () => {
  it('a payment after asOf', () => {
    const e = viaEngine({ payments: [{ date: '2024-07-11', amount: '10.00' }] })
    expect([e.code, e.field]).toEqual(['CLAIM_PAYMENT_AFTER_ASOF', 'payments[0].date'])
  })

  it('a payment larger than everything owed that day (principal not yet due included)', () => {
    // On 2024-02-09 (30 days, 13.8% capped from 24%): 10000 + 10000×.138×30/365 = 10113.42 owed; 10113.43 is 1 fen too much.
    const ok = computeClaim(loan({ rateTerm: '0.24', payments: [{ date: '2024-02-09', amount: '10113.42' }] }), LPR)
    expect(ok.total).toBe('0.00')
    const e = viaEngine({ rateTerm: '0.24', payments: [{ date: '2024-02-09', amount: '10113.43' }] })
    expect([e.code, e.field]).toEqual(['CLAIM_PAYMENT_EXCEEDS_OWED', 'payments[0].amount'])
    expect(e.message).toContain('10113.42')
  })

  it('a schedule date before disbursement', () => {
    const e = viaEngine({ schedule: [{ dueDate: '2024-01-09', principal: '10000.00' }] })
    expect([e.code, e.field]).toEqual(['CLAIM_SCHEDULE_BEFORE_DISBURSEMENT', 'schedule[0].dueDate'])
  })

  it('asOf before disbursement, disbursement above the contract amount, an all-zero schedule', () => {
    expect(viaEngine({ asOf: '2024-01-09' }).code).toBe('CLAIM_ASOF_BEFORE_DISBURSEMENT')
    expect(viaEngine({ disbursedAmount: '10000.01' }).field).toBe('disbursedAmount')
    expect(viaEngine({ schedule: [{ dueDate: '2025-01-10', principal: '0' }] }).code).toBe('CLAIM_SCHEDULE_ZERO')
  })

  it('a pre-2020-08-20 private contract accruing past 2020-08-19 needs the filing date', () => {
    const e = viaEngine({ contractDate: '2020-01-15', disbursementDate: '2020-01-15', schedule: [{ dueDate: '2021-01-15', principal: '10000.00' }], asOf: '2020-10-15' })
    expect([e.code, e.field]).toEqual(['CLAIM_FILING_DATE_REQUIRED', 'filingDate'])
  })
})

describe('the LPR table: explicit error before its start, warning past its end', () => {
  it('neither rate agreed and overdue before the first LPR (2019-08-20) on a licensed loan: an error, not a guess', () => {
    const e = viaEngine({ regime: 'licensed', contractDate: '2018-06-01', disbursementDate: '2018-06-01', schedule: [{ dueDate: '2019-06-01', principal: '10000.00' }], asOf: '2019-07-01' })
    expect(e.code).toBe('LPR_DATE_BEFORE_TABLE')
  })

  it('a contract date more than a month past the last row computes with the last quote and warns', () => {
    // last row 2026-08-20, 3.00% → cap 12%.
    const r = computeClaim(loan({ contractDate: '2026-10-01', disbursementDate: '2026-10-01', rateTerm: '0.24', schedule: [{ dueDate: '2027-10-01', principal: '10000.00' }], asOf: '2026-11-01' }), LPR)
    expect(r.cap.annualRate).toBe('0.12')
    expect(r.warnings.map((w) => w.code)).toContain('LPR_TABLE_STALE')
  })
})
