import { describe, expect, it } from 'vitest'
import { extractTerms } from '../../../electron/core/review/extract-terms'
import { foldForMatching } from '../../../electron/core/review/fold'
import { findRates, sameRate, toRateValue } from '../../../electron/core/review/rates'

/** The first rate in `s`: its annual fraction, period and exact matched text. */
function first(s: string, basis: 360 | 365 = 360) {
  const r = findRates(foldForMatching(s))[0]
  return r ? { ...toRateValue(r, basis, '0.12'), text: s.slice(r.start, r.end) } : null
}

describe('rates in every written form', () => {
  it.each([
    ['借款年利率24%。', '0.24', 'year', '年利率24%'],
    ['年化利率为 23.99%', '0.2399', 'year', '年化利率为 23.99%'],
    ['年利率（单利）为12%', '0.12', 'year', '年利率（单利）为12%'],
    ['年利率百分之二十四', '0.24', 'year', '年利率百分之二十四'],
    ['月利率2%', '0.24', 'month', '月利率2%'],
    ['月息2分', '0.24', 'month', '月息2分'],
    ['月息1.5分', '0.18', 'month', '月息1.5分'],
    ['月息八厘', '0.096', 'month', '月息八厘'],
    ['年息1分', '0.1', 'year', '年息1分'],
    ['日利率0.05%', '0.18', 'day', '日利率0.05%'],
    ['日息万分之五', '0.18', 'day', '日息万分之五'],
    ['每日千分之一', '0.36', 'day', '每日千分之一'],
    ['按日万分之五计收', '0.18', 'day', '按日万分之五'],
    ['每日按未还本金的0.1%', '0.36', 'day', '每日按未还本金的0.1%'],
    ['利率为２４％', '0.24', 'year', '利率为２４％'],
    ['0.05%/日', '0.18', 'day', '0.05%/日'],
    ['在原利率基础上上浮50%', '0.18', 'uplift', '在原利率基础上上浮50%'],
    ['按借款利率加收三成', '0.156', 'uplift', '借款利率加收三成'],
    ['借款利率的1.5倍', '0.18', 'uplift', '借款利率的1.5倍'],
  ])('%s → %s (%s)', (s, annual, per, text) => {
    expect(first(s)).toEqual({ annual, per, written: expect.any(String), text })
  })

  it('a daily rate is annualised × 365 when the basis is 365', () => {
    expect(first('日利率0.05%', 365)?.annual).toBe('0.1825')
  })

  it('written figures are kept exactly', () => {
    expect(first('日息万分之五')?.written).toBe('0.0005')
    expect(first('在原利率基础上上浮50%')?.written).toBe('0.5')
  })

  it('dates, amounts and counts are not rates', () => {
    expect(findRates('2024年3月1日，借款10000元，共12期，每月10日还款')).toEqual([])
  })

  it('the same rate written daily and as an annual figure is not a conflict, either basis', () => {
    const d = { annual: '0.18', per: 'day' as const, written: '0.0005' }
    expect(sameRate(d, { annual: '0.1825', per: 'year', written: '0.1825' })).toBe(true)
    expect(sameRate(d, { annual: '0.18', per: 'year', written: '0.18' })).toBe(true)
    expect(sameRate(d, { annual: '0.24', per: 'year', written: '0.24' })).toBe(false)
  })
})

describe('which term a rate belongs to', () => {
  it('term rate, overdue rate (罚息), penalty (违约金) in one sentence', () => {
    const t = extractTerms('借款年利率为12%，逾期罚息为日万分之五，另按日千分之一支付违约金。')
    expect(t.interestRate.map((x) => [x.value.annual, x.text])).toEqual([['0.12', '年利率为12%']])
    expect(t.overdueRate.map((x) => [x.value.annual, x.text])).toEqual([['0.18', '日万分之五']])
    expect(t.penalty.map((x) => [x.value.rate?.annual, x.text])).toEqual([['0.36', '按日千分之一']])
  })

  it('a term-rate wording after 逾期 in the sentence is the overdue rate', () => {
    const t = extractTerms('借款人逾期的，按年利率24%支付利息。')
    expect(t.interestRate).toEqual([])
    expect(t.overdueRate.map((x) => [x.value.annual, x.start, x.end])).toEqual([['0.24', 8, 14]])
  })

  it('an uplift is resolved against the term rate, and stays null without one', () => {
    expect(extractTerms('年利率为10%。逾期罚息在原利率基础上上浮50%。').overdueRate[0].value.annual).toBe('0.15')
    expect(extractTerms('逾期罚息在原利率基础上上浮50%。').overdueRate[0].value).toEqual({ annual: null, per: 'uplift', written: '0.5' })
  })

  it('a fee rate is a fee, not an interest rate', () => {
    const t = extractTerms('借款本金10000元。每月按借款本金的1%收取服务费，服务费年化费率12%。')
    expect(t.interestRate).toEqual([])
    expect(t.fees.map((f) => [f.value.name, f.value.per, f.value.fractionOfPrincipal])).toEqual([
      ['服务费', 'month', '0.01'],
      ['服务费', 'year', '0.12'],
    ])
  })
})
