import { describe, expect, it } from 'vitest'
import { normalizeRate, type RateOptions } from '../../../electron/core/import/normalize-rate'
import type { RateKind } from '../../../electron/core/import/types'

const annual = (raw: string, defaultKind: RateKind = 'annual', extra: Partial<RateOptions> = {}) => {
  const r = normalizeRate(raw, { defaultKind, dayBasis: 360, ...extra })
  if (!r.ok) throw new Error(`${raw}: ${r.code}`)
  return r.value
}

describe('normalizeRate → annual decimal fraction', () => {
  it.each([
    // [text, column's period, annual fraction, period used]
    ['24%', 'annual', '0.24', 'annual'],
    ['24', 'annual', '0.24', 'annual'],
    ['0.24', 'annual', '0.24', 'annual'],
    ['２４％', 'annual', '0.24', 'annual'],
    ['年化24%', 'daily', '0.24', 'annual'],
    ['年利率：15.4%', 'annual', '0.154', 'annual'],
    ['1.5%', 'monthly', '0.18', 'monthly'],
    ['月利率1.5%', 'annual', '0.18', 'monthly'],
    ['月息1.5分', 'annual', '0.18', 'monthly'],
    ['月息2分', 'annual', '0.24', 'monthly'],
    ['月息一分五', 'annual', '0.18', 'monthly'],
    ['月息5厘', 'annual', '0.06', 'monthly'],
    ['年息1分', 'monthly', '0.1', 'annual'],
    ['年息8厘', 'annual', '0.08', 'annual'],
    ['日息万分之五', 'annual', '0.18', 'daily'],
    ['日利率万分之5', 'annual', '0.18', 'daily'],
    ['万分之五', 'daily', '0.18', 'daily'],
    ['千分之一', 'daily', '0.36', 'daily'],
    ['0.05%', 'daily', '0.18', 'daily'],
    ['0.05%/天', 'annual', '0.18', 'daily'],
    ['1.5%/月', 'annual', '0.18', 'monthly'],
    ['0.5‰', 'daily', '0.18', 'daily'],
    ['0.0005', 'daily', '0.18', 'daily'],
    ['百分之二十四', 'annual', '0.24', 'annual'],
    ['0', 'annual', '0', 'annual'],
  ] as Array<[string, RateKind, string, RateKind]>)('%s (column %s) → %s', (raw, kind, expected, usedKind) => {
    const r = annual(raw, kind)
    expect(r.annual).toBe(expected)
    expect(r.kind).toBe(usedKind)
    expect(r.original).toBe(raw.trim())
  })

  it('uses the day basis for daily rates (360 for licensed lenders, 365 in private-lending practice)', () => {
    expect(annual('日息万分之五', 'annual', { dayBasis: 365 }).annual).toBe('0.1825')
    expect(annual('0.05%', 'daily', { dayBasis: 365 }).annual).toBe('0.1825')
  })

  it('reads a bare number as a percent in a "(%)" column even when it is at most 1', () => {
    expect(annual('0.5', 'annual', { barePercent: true }).annual).toBe('0.005')
    expect(annual('0.5', 'annual').annual).toBe('0.5')
  })

  it('refuses misreadings instead of storing an absurd rate', () => {
    // "0.05" in a daily column without % is 5 % a day = 1800 % a year: surely meant 0.05 %.
    expect(normalizeRate('0.05', { defaultKind: 'daily', dayBasis: 360 })).toMatchObject({ ok: false, code: 'IMPORT_RATE_IMPLAUSIBLE' })
    expect(normalizeRate('日息1分', { defaultKind: 'annual', dayBasis: 360 })).toMatchObject({ ok: false, code: 'IMPORT_RATE_AMBIGUOUS' })
    expect(normalizeRate('年化24%/月', { defaultKind: 'annual', dayBasis: 360 })).toMatchObject({ ok: false, code: 'IMPORT_RATE_INVALID' })
    expect(normalizeRate('按合同', { defaultKind: 'annual', dayBasis: 360 })).toMatchObject({ ok: false, code: 'IMPORT_RATE_INVALID' })
    expect(normalizeRate('-5%', { defaultKind: 'annual', dayBasis: 360 })).toMatchObject({ ok: false, code: 'IMPORT_RATE_INVALID' })
    expect(normalizeRate(' ', { defaultKind: 'annual', dayBasis: 360 })).toMatchObject({ ok: false, code: 'IMPORT_RATE_EMPTY' })
  })
})
