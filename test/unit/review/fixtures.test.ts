import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseLprTable } from '../../../electron/core/law/lpr'
import { reviewContract } from '../../../electron/core/review/review'
import type { ExtractedTerms } from '../../../electron/core/review/types'
import { FIXTURES } from './fixture-expectations'

const lpr = parseLprTable(JSON.parse(readFileSync('resources/data/lpr.json', 'utf8')))
const read = (f: string) => readFileSync(`test/fixtures/contracts/${f}`, 'utf8')

describe('contract fixtures: terms, spans, cost and findings', () => {
  it('has at least twelve contracts', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(12)
  })

  for (const fx of FIXTURES) {
    describe(fx.file, () => {
      const text = read(fx.file)
      const r = reviewContract(text, {}, lpr)

      it('extracts exactly the expected terms with their spans', () => {
        for (const key of Object.keys(r.terms) as (keyof ExtractedTerms)[]) {
          const want = fx.terms[key] ?? []
          const got = r.terms[key]
          expect(got.map((t) => [t.value, t.text]), key).toEqual(want)
          let from = 0
          got.forEach((t, i) => {
            // The span is where the expected text first occurs at or after the previous term of the same kind.
            expect(t.start, `${key}[${i}]`).toBe(text.indexOf(want[i][1], from))
            expect(t.end).toBe(t.start + want[i][1].length)
            expect(text.slice(t.start, t.end)).toBe(t.text)
            from = t.start
          })
        }
      })

      it('computes the regime, cap and all-in cost', () => {
        expect(r.regime).toBe(fx.regime)
        expect(r.cap?.annual ?? null).toBe(fx.cap)
        expect(r.allInAnnualCost).toBe(fx.allInAnnualCost)
      })

      it('reports exactly the expected findings on their clauses', () => {
        expect(r.findings.map((f) => [f.code, f.severity, f.text])).toEqual(fx.findings)
        for (const f of r.findings) {
          expect(text.slice(f.start, f.end)).toBe(f.text)
          if (f.text) expect(f.start).toBe(text.indexOf(f.text))
          expect(f.message.length).toBeGreaterThan(0)
          expect(f.messageEn.length).toBeGreaterThan(0)
          expect(f.basis.length).toBeGreaterThan(0)
          expect(f.effect.length).toBeGreaterThan(0)
        }
      })
    })
  }
})

describe('spot checks written out by hand', () => {
  it('contract 01: the 砍头息 effect, the cap label and literal spans', () => {
    const text = read('01-private-kantou-flawed.txt')
    const r = reviewContract(text, {}, lpr)
    expect(r.terms.interestRate[0]).toMatchObject({ start: 191, end: 198, text: '年利率为24%', value: { annual: '0.24', per: 'year' } })
    expect(r.cap?.label).toBe('4 × 一年期LPR 3.45%（2024-02-20）= 13.8%')
    const pre = r.findings.find((f) => f.code === 'PREDEDUCTED_INTEREST')!
    expect(pre.effect).toBe('principal is 9,000.00, not 10,000.00')
    expect([pre.start, pre.end]).toEqual([214, 259])
    expect(r.cashFlows[0]).toEqual({ period: 0, date: '2024-03-01', kind: 'disbursement', principalFen: -900000, interestFen: 0, feeFen: 0, amountFen: -900000 })
    // 10,000 at 2 % a month over 12 months: level payment 945.60, the last one 945.55 clears the balance.
    expect(r.cashFlows.slice(1).map((f) => f.amountFen)).toEqual([...Array(11).fill(94560), 94555])
    expect(r.cashFlows.slice(1).reduce((s, f) => s + f.principalFen, 0)).toBe(1_000_000)
  })

  it('contract 10: fees deducted but the all-in cost stays under 4 × LPR, so no disguised-interest finding', () => {
    const r = reviewContract(read('10-interest-first-consulting-fee.txt'), {}, lpr)
    expect(r.cashFlows[0].amountFen).toBe(-4_750_000)
    expect(r.cashFlows.slice(1, 24).every((f) => f.amountFen === 50_000)).toBe(true)
    expect(r.cashFlows[24]).toMatchObject({ period: 24, date: '2023-06-15', principalFen: 5_000_000, interestFen: 50_000 })
    expect(r.allInAnnualCost).toBe('0.1491')
    expect(r.findings.map((f) => f.code)).not.toContain('DISGUISED_INTEREST_FEES')
  })

  it('contract 05: both conflicting rates are reported, neither picked silently', () => {
    const text = read('05-conflicting-rates.txt')
    const r = reviewContract(text, {}, lpr)
    const c = r.findings.filter((f) => f.code === 'CONFLICTING_TERMS')
    expect(c.map((f) => f.message)).toEqual([
      '合同对借期内利率有相互矛盾的约定（15%、18%），本处为15%；须确认适用哪一项。',
      '合同对借期内利率有相互矛盾的约定（15%、18%），本处为18%；须确认适用哪一项。',
    ])
  })

  it('a licensed regime given by the user overrides the inference and changes the cap', () => {
    const r = reviewContract(read('08-daily-rate-365.txt'), { regime: 'licensed' }, lpr)
    expect(r.regimeSource).toBe('given')
    expect(r.cap?.annual).toBe('0.24')
    expect(r.findings.map((f) => f.code)).toEqual(['NO_OVERDUE_RATE'])
  })

  it('a user-given disbursed amount produces the pre-deduction finding and a higher cost', () => {
    const r = reviewContract(read('11-unfair-terms-negations.txt'), { disbursed: '11,000' }, lpr)
    const pre = r.findings.find((f) => f.code === 'PREDEDUCTED_INTEREST')!
    expect(pre.effect).toBe('principal is 11,000.00, not 12,000.00')
    expect(pre.text).toBe('借款金额为人民币12,000元，借款期限为12个月，年利率为12%，按月付息，到期还本。')
    expect(r.cashFlows[0].amountFen).toBe(-1_100_000)
    // 11,000 out; 120.00 a month for 11 months, then 12,120.00: monthly IRR 1.77726 % × 12 (checked by a float bisection).
    expect(r.allInAnnualCost).toBe('0.2133')
  })
})
