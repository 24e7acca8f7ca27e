import { describe, expect, it } from 'vitest'
import { isCaseNumber, parseCaseNumber } from '../../../electron/core/law/case-number'

const reasonOf = (s: string, today?: string) => {
  try {
    parseCaseNumber(s, today)
    return 'valid'
  } catch (e) {
    return `${(e as { code: string }).code}:${((e as { details: { reason: string } }).details).reason}`
  }
}

describe('案号 validation', () => {
  it('parses a basic-court first-instance number', () => {
    expect(parseCaseNumber('（2024）浙0106民初1234号')).toEqual({
      normalized: '（2024）浙0106民初1234号',
      year: 2024,
      courtCode: '浙0106',
      province: '浙江',
      courtLevel: 'basic',
      typeCode: '民初',
      typeLabel: '民事一审',
      typeLabelEn: 'civil first instance',
      serial: 1234,
    })
  })

  it('accepts half-width and 〔〕 brackets and stray spaces, normalising to full-width', () => {
    expect(parseCaseNumber('(2023)京0491民初 5号').normalized).toBe('（2023）京0491民初5号')
    expect(parseCaseNumber('〔2022〕粤01民终88号')).toMatchObject({ normalized: '（2022）粤01民终88号', courtLevel: 'intermediate' })
  })

  it('knows enforcement, preservation, payment-order and special-procedure types and every court level', () => {
    expect(parseCaseNumber('（2024）沪0115执12345号')).toMatchObject({ typeCode: '执', typeLabel: '首次执行' })
    expect(parseCaseNumber('（2024）沪0115执保77号').typeLabel).toBe('财产保全执行')
    expect(parseCaseNumber('（2025）浙0192民督3号').typeLabel).toContain('支付令')
    expect(parseCaseNumber('（2025）川0104民特100号').typeLabel).toContain('司法确认')
    expect(parseCaseNumber('（2025）川0104财保9号').typeLabel).toContain('诉前保全')
    expect(parseCaseNumber('（2024）浙0106执恢2号').typeCode).toBe('执恢')
    expect(parseCaseNumber('（2021）浙民申456号')).toMatchObject({ courtLevel: 'high', courtCode: '浙' })
    expect(parseCaseNumber('（2020）最高法民终1号')).toMatchObject({ courtLevel: 'supreme', province: null, courtCode: '最高法' })
    expect(parseCaseNumber('（2024）兵08民初31号').province).toBe('新疆生产建设兵团')
  })

  it('refuses malformed numbers with a reason', () => {
    expect(reasonOf('2024浙0106民初1234号')).toBe('CASE_NUMBER_INVALID:shape')
    expect(reasonOf('（2024）浙0106民初1234')).toBe('CASE_NUMBER_INVALID:shape')
    expect(reasonOf('（2024）A0106民初1234号')).toBe('CASE_NUMBER_INVALID:shape')
    expect(reasonOf('（2024）中0106民初1234号')).toBe('CASE_NUMBER_INVALID:court')
    expect(reasonOf('（2024）浙010民初1234号')).toBe('CASE_NUMBER_INVALID:court')
    expect(reasonOf('（2024）浙0106刑侦1234号')).toBe('CASE_NUMBER_INVALID:type')
    expect(reasonOf('（2024）浙0106民初01234号')).toBe('CASE_NUMBER_INVALID:serial')
    expect(reasonOf('（2015）浙0106民初1234号')).toBe('CASE_NUMBER_INVALID:year')
    expect(reasonOf('（2026）浙0106民初1234号', '2025-06-01')).toBe('CASE_NUMBER_INVALID:year')
    expect(reasonOf('（2014）杭西商初字第1234号')).toBe('CASE_NUMBER_INVALID:legacy')
    expect(reasonOf('（2020）最高法01民终1号')).toBe('CASE_NUMBER_INVALID:court')
  })

  it('gives the message in Chinese and English', () => {
    try {
      parseCaseNumber('浙0106民初1234号')
      expect.unreachable()
    } catch (e) {
      expect((e as Error).message).toContain('（2024）浙0106民初1234号')
      expect((e as { messageEn: string }).messageEn).toContain('case number')
      expect((e as { field: string }).field).toBe('caseNumber')
    }
    expect(isCaseNumber('（2024）浙0106民初1234号')).toBe(true)
    expect(isCaseNumber('浙0106民初1234号')).toBe(false)
  })
})
