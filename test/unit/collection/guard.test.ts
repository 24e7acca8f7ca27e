import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toChinaTime } from '../../../electron/core/collection/china-time'
import { parseConductRules, readConductRulesFile } from '../../../electron/core/collection/conduct-rules'
import { checkAction, type ContactAction } from '../../../electron/core/collection/guard'

const rules = readConductRulesFile(join(import.meta.dirname, '../../../resources/data/conduct-rules.json'))
const call = (at: string, extra: Partial<ContactAction> = {}): ContactAction => ({ borrowerId: 'b1', channel: 'phone', target: 'borrower', at, ...extra })
const codes = (a: ContactAction, history: ContactAction[] = []) => checkAction(a, history, rules).map((v) => v.code)

describe('conduct guard', () => {
  it('a clean call to the borrower passes', () => {
    expect(checkAction(call('2025-03-05T14:30:00+08:00', { outcome: 'promised', note: '借款人承诺3月10日还款2000元' }), [], rules)).toEqual([])
  })

  it('CONTACT_OUTSIDE_HOURS: 21:30 China time is blocked, 20:59 is not, 08:00 is', () => {
    const v = checkAction(call('2025-03-05T21:30:00+08:00'), [], rules)
    expect(v).toHaveLength(1)
    expect(v[0]).toMatchObject({ code: 'CONTACT_OUTSIDE_HOURS', details: { localDate: '2025-03-05', localTime: '21:30', start: '08:00', end: '21:00' } })
    expect(v[0].message).toBe('电话联系时间 2025-03-05 21:30（北京时间）不在允许时段 08:00–21:00 内')
    expect(codes(call('2025-03-05T13:30:00Z'))).toEqual(['CONTACT_OUTSIDE_HOURS']) // 21:30 in China
    expect(codes(call('2025-03-05T12:59:00Z'))).toEqual([]) // 20:59 in China
    expect(codes(call('2025-03-05 21:00'))).toEqual(['CONTACT_OUTSIDE_HOURS']) // no offset = China time
    expect(codes(call('2025-03-05T08:00'))).toEqual([])
    expect(codes(call('2025-03-05T07:59:59+08:00'))).toEqual(['CONTACT_OUTSIDE_HOURS'])
    // Letters are posted, not a real-time contact: hours do not apply.
    expect(codes(call('2025-03-05T23:00:00+08:00', { channel: 'letter' }))).toEqual([])
  })

  it('hours are editable data', () => {
    const late = parseConductRules({ ...rules, contactHours: { ...rules.contactHours, end: '22:00' } })
    expect(checkAction(call('2025-03-05T21:30:00+08:00'), [], late)).toEqual([])
  })

  it('CONTACT_TOO_FREQUENT: per borrower per channel per China day and per 7 days', () => {
    const day = ['09:00', '11:00', '15:00'].map((t) => call(`2025-03-05T${t}:00+08:00`))
    const v = checkAction(call('2025-03-05T17:00:00+08:00'), day, rules)
    expect(v.map((x) => [x.code, x.details.period, x.details.count, x.details.cap])).toEqual([['CONTACT_TOO_FREQUENT', 'day', 3, 3]])
    // Other borrowers and other channels do not count; 2025-03-04T23:30+08:00 is the day before in China.
    const mixed = [
      call('2025-03-05T09:00:00+08:00', { borrowerId: 'b2' }),
      call('2025-03-05T09:10:00+08:00', { channel: 'sms' }),
      call('2025-03-04T15:30:00Z'), // 23:30 China on 03-04
      call('2025-03-05T10:00:00+08:00'),
      call('2025-03-05T11:00:00+08:00'),
    ]
    expect(codes(call('2025-03-05T17:00:00+08:00'), mixed)).toEqual([])
    // Weekly: 10 calls spread over 2025-02-27..03-04 (7-day window ends 03-05), 2 a day.
    const week = ['02-27', '02-28', '03-01', '03-02', '03-03'].flatMap((d) => [call(`2025-${d}T10:00:00+08:00`), call(`2025-${d}T16:00:00+08:00`)])
    const w = checkAction(call('2025-03-05T10:00:00+08:00'), week, rules)
    expect(w.map((x) => [x.details.period, x.details.count, x.details.from])).toEqual([['week', 10, '2025-02-27']])
    // A day later the 02-27 calls leave the window.
    expect(codes(call('2025-03-06T10:00:00+08:00'), week)).toEqual([])
  })

  it('THIRD_PARTY_DISCLOSURE: debt talk with an emergency contact is blocked, locating the borrower is not', () => {
    const contact = (note: string, outcome?: ContactAction['outcome']) =>
      call('2025-03-05T10:00:00+08:00', { target: 'emergency_contact', note, ...(outcome ? { outcome } : {}) })
    expect(codes(contact('请其转告借款人回电', 'answered'))).toEqual([])
    expect(codes(contact('联系人称不认识借款人，未向其透露欠款事宜', 'answered'))).toEqual([])
    expect(codes(contact('联系人表示不涉及债务问题'))).toEqual([])
    const v = checkAction(contact('告知其借款人逾期未还款，请其督促还钱'), [], rules)
    expect(v).toHaveLength(1)
    expect(v[0]).toMatchObject({ code: 'THIRD_PARTY_DISCLOSURE', details: { target: 'emergency_contact', keywords: ['还款', '逾期', '还钱'] } })
    expect(codes(contact('联系人说会帮忙', 'promised'))).toEqual(['THIRD_PARTY_DISCLOSURE'])
    // A guarantor is a party to the debt.
    expect(codes(call('2025-03-05T10:00:00+08:00', { target: 'guarantor', note: '告知担保人借款已逾期', outcome: 'promised' }))).toEqual([])
    // SMS text to a third party is checked too.
    expect(codes(call('2025-03-05T10:00:00+08:00', { channel: 'sms', target: 'other', text: '您的朋友张三网贷欠款未还' }))).toEqual(['THIRD_PARTY_DISCLOSURE'])
  })

  it('FORBIDDEN_EXPRESSION: threats, exposure, false identity, in notes and texts, one entry per category', () => {
    const v = checkAction(
      call('2025-03-05T10:00:00+08:00', { channel: 'sms', text: '再不还款就曝光到你的通讯录，法院传票马上到，后果自负' }),
      [],
      rules,
    )
    expect(v.map((x) => [x.code, x.details.category, x.details.terms])).toEqual([
      ['FORBIDDEN_EXPRESSION', 'threat', ['后果自负']],
      ['FORBIDDEN_EXPRESSION', 'exposure', ['曝光', '通讯录']],
      ['FORBIDDEN_EXPRESSION', 'false_identity', ['法院传票']],
    ])
    expect(v[1].message).toBe('内容含有禁止用语（曝光及骚扰通讯录）："曝光"、"通讯录"')
    expect(codes(call('2025-03-05T10:00:00+08:00', { note: '我是公安局的' }))).toEqual(['FORBIDDEN_EXPRESSION'])
    expect(codes(call('2025-03-05T10:00:00+08:00', { channel: 'lawyer_letter', text: '如逾期未履行，我方将依法向人民法院提起诉讼。' }))).toEqual([])
  })

  it('several rules at once, and bad input refused', () => {
    expect(codes(call('2025-03-05T22:10:00+08:00', { target: 'emergency_contact', note: '让他替借款人还钱，否则曝光' }))).toEqual([
      'CONTACT_OUTSIDE_HOURS',
      'THIRD_PARTY_DISCLOSURE',
      'FORBIDDEN_EXPRESSION',
    ])
    expect(() => checkAction(call('2025-03-05 25:00'), [], rules)).toThrowError(expect.objectContaining({ code: 'ACTION_TIME_INVALID' }))
    expect(() => checkAction(call('2025-03-06T10:00:00+08:00'), [], rules, { now: new Date('2025-03-05T12:00:00Z') })).toThrowError(
      expect.objectContaining({ code: 'ACTION_IN_FUTURE' }),
    )
    expect(() => parseConductRules({ ...rules, contactHours: { ...rules.contactHours, start: '22:00' } })).toThrowError(
      expect.objectContaining({ code: 'CONDUCT_RULES_INVALID' }),
    )
  })

  it('reads times on the China clock', () => {
    expect(toChinaTime('2025-03-04T16:30:00Z')).toMatchObject({ date: '2025-03-05', hhmm: '00:30', minutes: 30 })
    expect(toChinaTime('2025-03-05T09:15:00-0500')).toMatchObject({ date: '2025-03-05', hhmm: '22:15' })
  })
})
