import { describe, expect, it } from 'vitest'
import { excelSerialToIso, normalizeDate } from '../../../electron/core/import/normalize-date'

const ok = (raw: string) => {
  const r = normalizeDate(raw)
  if (!r.ok) throw new Error(`${raw}: ${r.code}`)
  return r.value
}

describe('normalizeDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024 年 3 月 5 日', '2024-03-05'],
    ['2024年03月05', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    ['2024-03-05 10:21:00', '2024-03-05'],
    ['2024-03-05T23:59:59Z', '2024-03-05'],
    ['2024/3/5 8:00', '2024-03-05'],
    ['45356', '2024-03-05'],
    ['45356.75', '2024-03-05'],
    ['  2024-02-29 ', '2024-02-29'],
  ])('%s → %s', (raw, iso) => {
    expect(ok(raw)).toBe(iso)
  })

  it('refuses dates that do not exist', () => {
    for (const raw of ['2023-02-29', '2024-13-01', '2024-04-31', '20241301', '2024年2月30日']) {
      expect(normalizeDate(raw)).toMatchObject({ ok: false, code: 'IMPORT_DATE_INVALID' })
    }
  })

  it('refuses day/month-order dates as ambiguous instead of guessing', () => {
    expect(normalizeDate('5/3/2024')).toMatchObject({ ok: false, code: 'IMPORT_DATE_AMBIGUOUS' })
    expect(normalizeDate('05.03.2024')).toMatchObject({ ok: false, code: 'IMPORT_DATE_AMBIGUOUS' })
  })

  it('does not read a small number as an Excel date, and reports empty and garbage cells', () => {
    expect(normalizeDate('5')).toMatchObject({ ok: false, code: 'IMPORT_DATE_INVALID' })
    expect(normalizeDate('')).toMatchObject({ ok: false, code: 'IMPORT_DATE_EMPTY' })
    expect(normalizeDate('下个月')).toMatchObject({ ok: false, code: 'IMPORT_DATE_INVALID', messageEn: 'Unrecognised date "下个月"; write it as 2024-03-05' })
  })
})

describe('excelSerialToIso (1900 date system with the Lotus leap-year bug)', () => {
  it('maps serials around the phantom 1900-02-29', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01')
    expect(excelSerialToIso(59)).toBe('1900-02-28')
    expect(excelSerialToIso(60)).toBeNull() // Excel shows 1900-02-29, a day that never existed
    expect(excelSerialToIso(61)).toBe('1900-03-01')
    expect(excelSerialToIso(43831)).toBe('2020-01-01')
    expect(excelSerialToIso(45356)).toBe('2024-03-05')
  })

  it('uses 1904-01-01 as day 0 in the 1904 system', () => {
    expect(excelSerialToIso(0, true)).toBeNull()
    expect(excelSerialToIso(1, true)).toBe('1904-01-02')
    expect(excelSerialToIso(45356 - 1462, true)).toBe('2024-03-05')
  })

  it('normalizeDate reports serial 60 specifically', () => {
    expect(normalizeDate('60')).toMatchObject({ ok: false, code: 'IMPORT_DATE_INVALID' })
  })
})
