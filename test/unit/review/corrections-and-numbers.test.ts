import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseLprTable } from '../../../electron/core/law/lpr'
import { applyCorrections } from '../../../electron/core/review/corrections'
import { extractTerms } from '../../../electron/core/review/extract-terms'
import { findAmounts, formatYuan, parseChineseInteger, parseNumber } from '../../../electron/core/review/numbers'
import { reviewContract } from '../../../electron/core/review/review'
import { findDates } from '../../../electron/core/review/written-date'

const lpr = parseLprTable(JSON.parse(readFileSync('resources/data/lpr.json', 'utf8')))
const read = (f: string) => readFileSync(`test/fixtures/contracts/${f}`, 'utf8')

describe('user corrections', () => {
  it('replace one conflicting value in place: the conflict goes away and the span stays', () => {
    const text = read('05-conflicting-rates.txt')
    const terms = extractTerms(text)
    const fixed = applyCorrections(terms, [{ term: 'interestRate', index: 1, value: { annual: '0.15', per: 'year', written: '0.15' } }])
    expect(fixed.interestRate[1]).toEqual({ value: { annual: '0.15', per: 'year', written: '0.15' }, start: 99, end: 106, text: '年利率为18%', corrected: true })
    expect(terms.interestRate[1].value.annual).toBe('0.18') // the input is not changed
    const r = reviewContract(text, { corrections: [{ term: 'interestRate', index: 1, value: null }] }, lpr)
    expect(r.findings.map((f) => f.code)).toEqual([])
  })

  it('a whole-term correction sets one value; null removes the term', () => {
    const text = read('08-daily-rate-365.txt')
    const r = reviewContract(text, { corrections: [{ term: 'interestRate', value: { annual: '0.12', per: 'year', written: '0.12' } }] }, lpr)
    expect(r.terms.interestRate).toEqual([{ value: { annual: '0.12', per: 'year', written: '0.12' }, start: 39, end: 45, text: '日息万分之五', corrected: true }])
    expect(r.allInAnnualCost).toBe('0.1200')
    expect(r.findings.map((f) => f.code)).toEqual(['NO_OVERDUE_RATE'])
    const none = reviewContract(text, { corrections: [{ term: 'interestRate', value: null }] }, lpr)
    expect(none.terms.interestRate).toEqual([])
    expect(none.findings.map((f) => f.message)).toEqual(['合同既未约定借期内利率也未约定逾期利率：逾期后可参照当时一年期LPR计算逾期利息。'])
  })

  it('an index one past the end adds an entry (a fee the reviewer missed); corrections apply to the list left by those before', () => {
    const text = read('01-private-kantou-flawed.txt')
    const fee = { name: '管理费' as const, amountFen: 20_000, per: 'month' as const, deductedAtDisbursement: false, overdue: false }
    const r = reviewContract(text, { corrections: [{ term: 'fees', index: 0, value: null }, { term: 'fees', index: 0, value: fee }] }, lpr)
    expect(r.terms.fees).toEqual([{ value: fee, start: 0, end: 0, text: '', corrected: true }])
    // An index further out is ignored rather than leaving a hole.
    expect(applyCorrections(extractTerms(text), [{ term: 'fees', index: 5, value: fee }]).fees).toHaveLength(1)
  })

  it('a correction adds a term the text lacks (no span)', () => {
    const r = reviewContract(read('03-private-natural-persons-clean.txt'), { corrections: [{ term: 'disbursedAmountFen', value: 4_800_000 }] }, lpr)
    expect(r.terms.disbursedAmountFen).toEqual([{ value: 4_800_000, start: 0, end: 0, text: '', corrected: true }])
    expect(r.findings.find((f) => f.code === 'PREDEDUCTED_INTEREST')?.effect).toBe('principal is 48,000.00, not 50,000.00')
  })

  it('bad options are user errors with codes', () => {
    expect(() => reviewContract('x', { contractDate: '2024-02-30' }, lpr)).toThrow(expect.objectContaining({ code: 'REVIEW_BAD_DATE' }))
    expect(() => reviewContract('x', { disbursed: '9千' }, lpr)).toThrow(expect.objectContaining({ code: 'REVIEW_BAD_AMOUNT' }))
    expect(() => reviewContract('借'.repeat(2_000_001), {}, lpr)).toThrow(expect.objectContaining({ code: 'REVIEW_TOO_LARGE' }))
  })
})

describe('numbers, amounts and dates as contracts write them', () => {
  it.each([
    ['二十四', 24], ['十二', 12], ['一百零五', 105], ['壹万伍仟', 15_000], ['两千', 2000], ['贰拾万', 200_000], ['一亿二千万', 120_000_000],
  ])('%s = %d', (s, n) => expect(parseChineseInteger(s)).toBe(n))

  it('decimals with 点', () => {
    expect(parseNumber('二十四点五')?.toFixed()).toBe('24.5')
    expect(parseNumber('零点零五')?.toFixed()).toBe('0.05')
    expect(parseNumber('1,234.5')?.toFixed()).toBe('1234.5')
  })

  it('amounts in fen with spans', () => {
    const s = '人民币（大写）壹万贰仟叁佰肆拾伍元陆角柒分（¥12,345.67），另付1.5万元及500元。'
    expect(findAmounts(s).map((a) => [a.fen, s.slice(a.start, a.end)])).toEqual([
      [1_234_567, '壹万贰仟叁佰肆拾伍元陆角柒分'],
      [1_234_567, '¥12,345.67'],
      [1_500_000, '1.5万元'],
      [50_000, '500元'],
    ])
    expect(formatYuan(1_234_567)).toBe('12,345.67')
  })

  it('dates in four notations; impossible dates are dropped', () => {
    expect(findDates('2024年3月1日、2024-03-02、2024/3/3、二〇二四年三月四日、2023年2月29日').map((d) => d.iso)).toEqual([
      '2024-03-01', '2024-03-02', '2024-03-03', '2024-03-04',
    ])
  })
})
