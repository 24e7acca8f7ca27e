import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseSmallClaimsTable, paymentOrderHint, smallClaimsHint, type SmallClaimsTable } from '../../../electron/core/law/procedure'
import { UserError } from '../../../electron/core/errors'

const shipped = parseSmallClaimsTable(JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/data/small-claims.json', import.meta.url)), 'utf8')))

/** The shipped table with one province's figures filled in, as a user would edit it. */
function withFigures(code: string, averageWage: string | null, threshold: string | null = null): SmallClaimsTable {
  return { ...shipped, provinces: shipped.provinces.map((p) => (p.code === code ? { ...p, averageWage, threshold, year: 2024, source: 'test', verified: true } : p)) }
}

describe('small-claims hints from editable per-province data', () => {
  it('the shipped table lists all 31 provinces, unverified and without figures, so every hint says unknown', () => {
    expect(shipped.provinces).toHaveLength(31)
    expect(shipped.verified).toBe(false)
    const h = smallClaimsHint(shipped, '北京市', '5000')
    expect(h).toMatchObject({ verdict: 'unknown', thresholdYuan: null, verified: false, province: { code: '110000', name: '北京市' } })
    expect(h.basis).toContain('第165条')
  })

  it('50% of the wage is the ceiling; up to twice the wage only by agreement', () => {
    // wage 100,001.01 → ceiling 50,000.505 → 50,000.51 (half-up); by agreement ≤ 200,002.02
    const t = withFigures('310000', '100001.01')
    expect(smallClaimsHint(t, '310000', '50000.51')).toMatchObject({ verdict: 'small-claims', thresholdYuan: '50000.51', agreedLimitYuan: '200002.02', year: 2024 })
    expect(smallClaimsHint(t, '上海市', '50000.52').verdict).toBe('small-claims-if-agreed')
    expect(smallClaimsHint(t, '上海市', '200002.02').verdict).toBe('small-claims-if-agreed')
    expect(smallClaimsHint(t, '上海市', '200002.03').verdict).toBe('not-small-claims')
    // verified only when the table as a whole is marked verified too
    expect(smallClaimsHint(t, '上海市', '1').verified).toBe(false)
    expect(smallClaimsHint({ ...t, verified: true }, '上海市', '1').verified).toBe(true)
  })

  it('a ceiling published by the court takes precedence over the wage', () => {
    const t = withFigures('440000', '100000.00', '48000.00')
    expect(smallClaimsHint(t, '440000', '48000.01')).toMatchObject({ verdict: 'small-claims-if-agreed', thresholdYuan: '48000.00', agreedLimitYuan: '200000.00' })
  })

  it('rejects an unknown province and a malformed table', () => {
    expect(() => smallClaimsHint(shipped, '火星', '1')).toThrow(UserError)
    expect(() => parseSmallClaimsTable({ verified: false, provinces: [{ code: '11', name: 'x' }] })).toThrow(/provinces/)
  })
})

describe('支付令 conditions (民诉法第225条, 民诉解释第427–428条)', () => {
  const allGood = {
    moneyClaim: true, dueAndAmountCertain: true, noOtherDebtDispute: true, noCounterObligation: true,
    debtorLocatable: true, canBeServed: true, preSuitPreservationApplied: false, claimsItemsNotAgreed: false,
  }
  it('eligible only when every condition is known and met', () => {
    expect(paymentOrderHint(allGood).verdict).toBe('eligible')
    expect(paymentOrderHint({ ...allGood, canBeServed: undefined }).verdict).toBe('check')
  })
  it('a pre-suit preservation or an unservable debtor rules it out, naming the condition', () => {
    const h = paymentOrderHint({ ...allGood, preSuitPreservationApplied: true })
    expect(h.verdict).toBe('not-eligible')
    expect(h.conditions.filter((c) => c.met === false).map((c) => c.code)).toEqual(['NO_PRESUIT_PRESERVATION'])
    expect(paymentOrderHint({ ...allGood, canBeServed: false }).conditions.find((c) => c.code === 'CAN_BE_SERVED')?.basis).toContain('第225条')
    expect(h.note).toContain('三分之一')
  })
})
