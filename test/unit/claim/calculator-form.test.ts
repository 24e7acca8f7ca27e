import { expect, it } from 'vitest'
import { computeClaim } from '../../../electron/core/law/claim/index'
import { parseClaimInput } from '../../../electron/core/law/claim/validate'
import { type CalculatorForm, formPath, fromClaimInput, monthlySchedule, toClaimInput } from '../../../renderer/src/features/calculator/calculatorInput'
import { LPR } from './fixtures'

/**
 * The stand-alone calculator's form (renderer/src/features/calculator/calculatorInput.ts) as people fill it in —
 * percents, "¥12,000", a generated monthly plan, blank rows — turned into the engine's input and computed.
 */
const form = (over: Partial<CalculatorForm> = {}): CalculatorForm => ({
  regime: 'licensed', contractDate: '2025-03-01', disbursementDate: '2025-03-01', asOf: '2025-07-01', contractAmount: '¥12,000', disbursedAmount: '10,800.00元',
  rateTerm: '18', rateOverdue: '24%', dayBasis: 'default', schedule: monthlySchedule('2025-04-01', 3, '12000')!, payments: [], expenses: [], ...over,
})

it('reads percents and written amounts, and gives the hand-worked claim', () => {
  const { input, problems } = toClaimInput(form())
  expect(problems).toEqual({})
  expect(input).toMatchObject({ contractAmount: '12000', disbursedAmount: '10800.00', rateTerm: '0.18', rateOverdue: '0.24' })
  expect(input).not.toHaveProperty('dayBasis')
  expect(input).not.toHaveProperty('filingDate')
  // As test/ipc/channels.test.ts works it out: the 4,000-yuan instalments scaled to 3,600 (砍头息);
  // term 18%: 10,800×31 + 7,200×30 + 3,600×31 days × 0.18/360 = 331.20; overdue 24%: 3,600 × (91+61+30) × 0.24/360 = 436.80.
  const r = computeClaim(parseClaimInput(input), LPR)
  expect(r).toMatchObject({ principalOutstanding: '10800.00', termInterest: '331.20', overdueInterest: '436.80', total: '11568.00' })
})

it('reads full-width digits, as a Chinese input method in full-width mode types them', () => {
  const { input, problems } = toClaimInput(form({ contractAmount: '１２，０００', disbursedAmount: '￥１０８００．００元', rateTerm: '１８．５％' }))
  expect(problems).toEqual({})
  expect(input).toMatchObject({ contractAmount: '12000', disbursedAmount: '10800.00', rateTerm: '0.185' })
})

it('splits a monthly plan to the fen, the remainder on the last instalment, month ends kept in range', () => {
  expect(monthlySchedule('2025-01-31', 3, '1,000')).toEqual([
    { dueDate: '2025-01-31', principal: '333.33' },
    { dueDate: '2025-02-28', principal: '333.33' },
    { dueDate: '2025-03-31', principal: '333.34' },
  ])
  expect(monthlySchedule('2025-01-31', 0, '1000')).toBeNull()
  expect(monthlySchedule('2025-01-31', 3, 'abc')).toBeNull()
  expect(monthlySchedule('2025-01-31', 3, '')).toBeNull()
})

it('flags a percent it cannot read, leaves blank rows out, and maps the engine’s field back to the form row', () => {
  const { input, problems, origins } = toClaimInput(form({
    rateTerm: '十八', penaltyRate: '', dayBasis: '365',
    payments: [{}, { date: '2025-06-15', amount: '1,000' }], expenses: [{ date: '', amount: '' }],
  }))
  expect(problems).toEqual({ rateTerm: 'percent' })
  expect(input).not.toHaveProperty('rateTerm')
  expect(input).not.toHaveProperty('penaltyRate')
  expect(input.dayBasis).toBe(365)
  expect(input.payments).toEqual([{ date: '2025-06-15', amount: '1000' }])
  expect(input.expenses).toEqual([])
  expect(formPath('payments[0].amount', origins)).toEqual(['payments', 1, 'amount'])
  expect(formPath('rateTerm', origins)).toEqual(['rateTerm'])
})

it('names every required field left blank before anything is sent', () => {
  const { problems } = toClaimInput(form({ contractDate: '', disbursedAmount: '  ', asOf: undefined as unknown as string }))
  expect(problems).toEqual({ contractDate: 'required', disbursedAmount: 'required', asOf: 'required' })
})

it('passes what it cannot clean to the engine, which names the field', () => {
  const { input } = toClaimInput(form({ schedule: [{ dueDate: '2025-02-30', principal: '12000' }] }))
  expect(() => parseClaimInput(input)).toThrow(expect.objectContaining({ code: 'CLAIM_DATE_INVALID', field: 'schedule[0].dueDate' }))
})

it('shows a stored loan\'s engine input in the form, and reads it back to the same input', () => {
  const stored = {
    regime: 'private' as const, contractDate: '2024-01-10', disbursementDate: '2024-01-10', filingDate: '2025-03-01', asOf: '2025-02-01',
    contractAmount: '10000.00', disbursedAmount: '9500.00', rateTerm: '0.154', rateOverdue: '0.0385', penaltyFlat: '200.00', dayBasis: 365 as const,
    schedule: [{ dueDate: '2024-07-10', principal: '5000.00' }, { dueDate: '2025-01-10', principal: '5000.00' }],
    payments: [{ date: '2024-07-10', amount: '5300.00' }], expenses: [],
  }
  const shown = fromClaimInput(stored)
  expect(shown).toMatchObject({ rateTerm: '15.4', rateOverdue: '3.85', dayBasis: '365', filingDate: '2025-03-01' })
  expect(shown.feeRateTerm).toBeUndefined()
  const { input, problems } = toClaimInput(shown)
  expect(problems).toEqual({})
  expect(input).toEqual(stored)
  expect(computeClaim(parseClaimInput(input), LPR).total).toBe(computeClaim(parseClaimInput(stored), LPR).total)
})
