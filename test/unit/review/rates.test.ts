import { describe, expect, it } from 'vitest'
import { extractTerms } from '../../../electron/core/review/extract-terms'
import { foldForMatching } from '../../../electron/core/review/fold'
import { readFileSync } from 'node:fs'
import { parseLprTable } from '../../../electron/core/law/lpr'
import { findRates, sameRate, toRateValue } from '../../../electron/core/review/rates'
import { reviewContract } from '../../../electron/core/review/review'

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
    ['月息一分五厘', '0.18', 'month', '月息一分五厘'],
    ['月息1分5厘', '0.18', 'month', '月息1分5厘'],
    ['日息三厘', '0.108', 'day', '日息三厘'],
    ['日息一分', '0.36', 'day', '日息一分'],
    ['年息八厘', '0.08', 'year', '年息八厘'],
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

describe('LPR-based rates, resolved with the LPR in force on the contract date', () => {
  const lpr = parseLprTable(JSON.parse(readFileSync('resources/data/lpr.json', 'utf8')))
  const rate = (s: string, contractDate?: string) => {
    const t = reviewContract(s, { contractDate }, lpr).terms.interestRate
    return t.map((x) => [x.value.annual, x.value.lpr?.times, x.value.written, x.value.lpr?.quote?.effective ?? null, x.text])
  }

  it.each([
    // 2023-09-01: one-year LPR 3.45 % (2023-08-21), five-year 4.20 %.
    ['借款年利率为一年期LPR加300个基点。', '0.0645', '1', '0.03', '一年期LPR加300个基点'],
    ['借款年利率为一年期LPR+150BP。', '0.0495', '1', '0.015', '一年期LPR+150BP'],
    ['借款利率为一年期LPR的四倍。', '0.138', '4', '0', '一年期LPR的四倍'],
    ['借款利率为LPR上浮50%。', '0.05175', '1.5', '0', 'LPR上浮50%'],
    ['借款利率按一年期贷款市场报价利率（LPR）加1.5个百分点执行。', '0.0495', '1', '0.015', '一年期贷款市场报价利率（LPR）加1.5个百分点'],
    ['借款利率按五年期以上LPR执行。', '0.042', '1', '0', '五年期以上LPR'],
  ])('%s → %s', (s, annual, times, margin, text) => {
    expect(rate(s, '2023-09-01')).toEqual([[annual, times, margin, '2023-08-21', text]])
  })

  it('a written ceiling (不超过一年期LPR的四倍) is the law restated, not a rate', () => {
    expect(rate('借款利率不超过合同成立时一年期LPR的四倍。', '2023-09-01')).toEqual([])
    expect(rate('双方约定的利率以一年期LPR四倍为限。', '2023-09-01')).toEqual([])
  })

  it('stays unresolved (never guessed) without a contract date or before the LPR existed', () => {
    expect(rate('借款年利率为一年期LPR加300个基点。')).toEqual([[null, '1', '0.03', null, '一年期LPR加300个基点']])
    expect(rate('借款年利率为一年期LPR加300个基点。', '2019-01-02')).toEqual([[null, '1', '0.03', null, '一年期LPR加300个基点']])
  })

  it('an overdue uplift on an LPR-based term rate is resolved with it', () => {
    const r = reviewContract('借款年利率为一年期LPR加300个基点。逾期罚息在借款利率基础上上浮50%。', { contractDate: '2023-09-01' }, lpr)
    expect(r.terms.overdueRate[0].value.annual).toBe('0.09675')
  })
})

describe('rate ranges are two rates, never one picked', () => {
  it.each([
    ['年利率为18%至24%。', ['年利率为18%', '24%']],
    ['年利率18-24%。', ['年利率18', '24%']],
    ['月利率1.5%～2%。', ['月利率1.5%', '2%']],
  ])('%s', (s, texts) => {
    const t = extractTerms(s).interestRate
    expect(t.map((x) => x.text)).toEqual(texts)
    expect(new Set(t.map((x) => x.value.annual)).size).toBe(2)
  })
})
