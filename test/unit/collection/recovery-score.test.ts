import { describe, expect, it } from 'vitest'
import { overrideScore, recoveryScore, type RecoveryInput } from '../../../electron/core/collection/recovery-score'

const base: RecoveryInput = {
  today: '2025-03-05',
  daysPastDue: 45,
  outstandingFen: 1_200_000, // 12,000.00 yuan
  repaidFen: 300_000, // 3,000.00 yuan = 20 % of 15,000
  reachability: 'reachable',
  promisesKept: 1,
  promisesBroken: 2,
  lastContactDate: '2025-03-01',
  knownAssets: ['salary'],
}

describe('recovery score', () => {
  it('adds transparent whole-point factors to the base', () => {
    const r = recoveryScore(base)
    expect(r.factors.map((f) => [f.key, f.points])).toEqual([
      ['days_past_due', 8],
      ['amount', 0],
      ['repaid_share', 5],
      ['reachability', 10],
      ['promises', -6],
      ['last_contact', 5],
      ['assets', 8],
    ])
    expect(r.score).toBe(50 + 8 + 0 + 5 + 10 - 6 + 5 + 8)
    expect(r.factors[2].reason).toBe('已还 3000.00 元，约占 20%（20–50%）')
    expect(r.factors[1].reason).toContain('12000.00')
    expect(r.factors[5].reason).toBe('上次联系 2025-03-01，4 天前（7天内）')
  })

  it('a hopeless case bottoms out at 0 and a fresh reachable one tops out at 100', () => {
    const worst = recoveryScore({ ...base, daysPastDue: 800, outstandingFen: 9_000_000n, repaidFen: 0, reachability: 'unreachable', promisesKept: 0, promisesBroken: 5, lastContactDate: null, knownAssets: [] })
    expect(worst.factors.reduce((s, f) => s + f.points, 50)).toBe(50 - 20 - 5 - 5 - 15 - 15 - 5 + 0)
    expect(worst.score).toBe(0)
    const best = recoveryScore({ ...base, daysPastDue: 3, outstandingFen: 200_000, repaidFen: 800_000, promisesKept: 4, promisesBroken: 0, knownAssets: ['salary', 'real_estate', 'salary'] })
    expect(best.factors.find((f) => f.key === 'assets')).toMatchObject({ points: 15, reason: '已知财产：工资收入、不动产（合计至多+15）' })
    expect(best.score).toBe(100)
  })

  it('boundaries of the bands are inclusive where stated', () => {
    expect(recoveryScore({ ...base, daysPastDue: 30 }).factors[0].points).toBe(15)
    expect(recoveryScore({ ...base, daysPastDue: 31 }).factors[0].points).toBe(8)
    expect(recoveryScore({ ...base, outstandingFen: 500_000 }).factors[1].points).toBe(5)
    expect(recoveryScore({ ...base, outstandingFen: 500_001 }).factors[1].points).toBe(0)
    expect(recoveryScore({ ...base, repaidFen: 1_200_000 }).factors[2].points).toBe(10) // exactly 50 %
    expect(recoveryScore({ ...base, repaidFen: 299_999 }).factors[2].points).toBe(2) // just under 20 %
  })

  it('a lawyer may override with a reason, and the computed score stays visible', () => {
    const r = recoveryScore(base)
    const o = overrideScore(r, { score: 20, reason: '借款人已进入破产程序' })
    expect(o).toMatchObject({ score: 20, computed: 80, override: { score: 20, reason: '借款人已进入破产程序' } })
    expect(o.factors).toEqual(r.factors)
    expect(() => overrideScore(r, { score: 20, reason: '  ' })).toThrowError(expect.objectContaining({ code: 'SCORE_OVERRIDE_REASON_REQUIRED' }))
    expect(() => overrideScore(r, { score: 101, reason: 'x' })).toThrowError(expect.objectContaining({ code: 'SCORE_OVERRIDE_INVALID' }))
  })

  it('refuses impossible input', () => {
    expect(() => recoveryScore({ ...base, outstandingFen: -1 })).toThrowError(expect.objectContaining({ code: 'SCORE_INPUT_INVALID', field: 'outstandingFen' }))
    expect(() => recoveryScore({ ...base, outstandingFen: 10.5 })).toThrowError(expect.objectContaining({ field: 'outstandingFen' }))
    expect(() => recoveryScore({ ...base, lastContactDate: '2025-03-09' })).toThrowError(expect.objectContaining({ field: 'lastContactDate' }))
    expect(() => recoveryScore({ ...base, daysPastDue: -3 })).toThrowError(expect.objectContaining({ field: 'daysPastDue' }))
  })
})
