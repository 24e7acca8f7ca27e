import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { b64, makePng } from '../helpers/evidence-files'
import { call, expectRefused, makeCore } from '../helpers/core'
import { createLiXiuyingCase } from '../helpers/fixtures'

/**
 * Issue 8's collection facts through the dispatcher (clock 2026-11-28 12:00 Beijing), on 李秀英's case whose
 * last instalment fell due 2025-06-01 (limitation then runs to 2028-06-01 before any event).
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
let ids: Awaited<ReturnType<typeof createLiXiuyingCase>>
const TABLES = ['known_assets', 'acknowledgements', 'payment_order_facts', 'collection_actions', 'evidence_items', 'deadlines', 'audit_log']
const fails = (channel: string, input: unknown, code: string, field?: string) => expectRefused(core, TABLES, channel, input, code, field)
const limitationExpiry = async () => (await call(core, 'deadlines.forCase', { id: ids.caseId })).limitation[0].expiry as string

beforeEach(async () => {
  core = await makeCore()
  ids = await createLiXiuyingCase((ch, input) => call(core, ch, input))
})
afterEach(() => core.close())

describe('known assets', () => {
  it('assets.add records an asset in fen; the recovery score counts it', async () => {
    const a = await call(core, 'assets.add', { caseId: ids.caseId, kind: 'vehicle', description: '浙A·12345 大众朗逸', valueFen: 6_500_000, source: '车辆查询', foundOn: '2026-11-01' })
    expect(a).toMatchObject({ kind: 'vehicle', valueFen: 6_500_000, foundOn: '2026-11-01' })
    expect(core.ctx.db.raw.prepare('SELECT kind, value_fen, source FROM known_assets').all()).toEqual([{ kind: 'vehicle', value_fen: 6_500_000, source: '车辆查询' }])
    expect((await call(core, 'assets.list', { id: ids.caseId })).map((x: { description: string }) => x.description)).toEqual(['浙A·12345 大众朗逸'])
    const item = (await call(core, 'queue.today', {})).find((q: { caseId: string }) => q.caseId === ids.caseId)
    const factor = item.factors.find((f: { key: string }) => f.key === 'assets')
    expect(factor.points).toBe(6)
    expect(factor.reason).toContain('车辆')
    expect((await call(core, 'cases.get', { id: ids.caseId })).timeline.some((t: { title: string }) => t.title.startsWith('已知财产：浙A·12345'))).toBe(true)
  })
  it('refuses a future date, a fractional amount, an unknown kind and an unknown case', async () => {
    await fails('assets.add', { caseId: ids.caseId, kind: 'vehicle', description: '车', foundOn: '2026-12-01' }, 'DATE_IN_FUTURE', 'foundOn')
    await fails('assets.add', { caseId: ids.caseId, kind: 'vehicle', description: '车', valueFen: 12.5, foundOn: '2026-11-01' }, 'INVALID_INPUT', 'valueFen')
    await fails('assets.add', { caseId: ids.caseId, kind: 'yacht', description: '船', foundOn: '2026-11-01' }, 'INVALID_INPUT', 'kind')
    await fails('assets.add', { caseId: 'nope', kind: 'other', description: '船', foundOn: '2026-11-01' }, 'NOT_FOUND')
    await fails('assets.list', { id: 'nope' }, 'NOT_FOUND')
  })
})

describe('acknowledgements', () => {
  it('a signed acknowledgement restarts limitation (stored deadline and the live figure)', async () => {
    expect(await limitationExpiry()).toBe('2028-06-01')
    const a = await call(core, 'acknowledgements.add', { caseId: ids.caseId, signedOn: '2026-10-20', amountFen: 1_200_000, note: '借款人在债务确认书上签字' })
    expect(a).toMatchObject({ signedOn: '2026-10-20', amountFen: 1_200_000 })
    // 3 years from 2026-10-20: 2029-10-20 (a Saturday, but 2029 is not in the calendar data yet, so no roll is guessed).
    expect(await limitationExpiry()).toBe('2029-10-20')
    const runs = (await call(core, 'deadlines.forCase', { id: ids.caseId })).limitation[0].runs
    expect(runs.at(-1)).toMatchObject({ cause: 'acknowledgement', from: '2026-10-20' })
    expect(core.ctx.db.raw.prepare(`SELECT due_date FROM deadlines WHERE kind = 'limitation'`).all()).toEqual([{ due_date: '2029-10-20' }])
    expect((await call(core, 'acknowledgements.list', { id: ids.caseId })).length).toBe(1)
  })
  it('refuses a future date and evidence from elsewhere, storing nothing', async () => {
    await fails('acknowledgements.add', { caseId: ids.caseId, signedOn: '2026-11-29' }, 'DATE_IN_FUTURE', 'signedOn')
    await fails('acknowledgements.add', { caseId: ids.caseId, signedOn: '2026-11-20', evidenceId: 'nope' }, 'EVIDENCE_NOT_IN_CASE', 'evidenceId')
    await fails('acknowledgements.list', { id: 'nope' }, 'NOT_FOUND')
  })
})

describe('delivery receipts', () => {
  it('a receipt file goes in as 送达凭证 evidence, is linked to the letter, and the demand then restarts limitation', async () => {
    const letter = await call(core, 'actions.add', { caseId: ids.caseId, channel: 'letter', target: 'borrower', at: '2026-11-10T10:00:00+08:00', note: '寄送催收函' })
    expect(await limitationExpiry()).toBe('2028-06-01') // sent, not yet shown delivered
    const png = makePng(40, 30, 7)
    const a = await call(core, 'actions.attachReceipt', { actionId: letter.id, fileName: '回执.png', dataBase64: b64(png), deliveredOn: '2026-11-13' })
    expect(a).toMatchObject({ id: letter.id, deliveredOn: '2026-11-13' })
    const ev = core.ctx.db.raw.prepare(`SELECT id, kind, size, received_on FROM evidence_items`).all() as { id: string; kind: string; size: number; received_on: string }[]
    expect(ev).toEqual([{ id: a.proofEvidenceId, kind: 'delivery_proof', size: png.length, received_on: '2026-11-13' }])
    // 2029-11-13 is not in the calendar data yet: no roll.
    expect(await limitationExpiry()).toBe('2029-11-13')
    // Removing the receipt exhibit takes the proof away again.
    await call(core, 'evidence.remove', { id: a.proofEvidenceId, reason: '回执扫描件有误' })
    expect(await limitationExpiry()).toBe('2028-06-01')
  })
  it('refuses a phone call, a missing or future date and a file that is not a document, storing nothing', async () => {
    const phone = await call(core, 'actions.add', { caseId: ids.caseId, channel: 'phone', target: 'borrower', at: '2026-11-10T10:00:00+08:00', outcome: 'answered' })
    const letter = await call(core, 'actions.add', { caseId: ids.caseId, channel: 'letter', target: 'borrower', at: '2026-11-10T10:00:00+08:00' })
    const png = b64(makePng(10, 10))
    await fails('actions.attachReceipt', { actionId: phone.id, fileName: 'r.png', dataBase64: png, deliveredOn: '2026-11-12' }, 'RECEIPT_NOT_A_DEMAND', 'actionId')
    await fails('actions.attachReceipt', { actionId: letter.id, fileName: 'r.png', dataBase64: png }, 'DELIVERY_DATE_MISSING', 'deliveredOn')
    await fails('actions.attachReceipt', { actionId: letter.id, fileName: 'r.png', dataBase64: png, deliveredOn: '2026-12-01' }, 'DATE_IN_FUTURE', 'deliveredOn')
    await fails('actions.attachReceipt', { actionId: letter.id, fileName: 'r.png', dataBase64: png, deliveredOn: '2026-11-01' }, 'DELIVERY_BEFORE_SENDING', 'deliveredOn')
    const err = await fails('actions.attachReceipt', { actionId: letter.id, fileName: 'r.png', dataBase64: b64(new TextEncoder().encode('not an image')), deliveredOn: '2026-11-12' }, 'EVIDENCE_UNSUPPORTED_TYPE', 'dataBase64')
    expect(err.message).toContain('r.png')
    await fails('actions.attachReceipt', { actionId: 'nope', fileName: 'r.png', dataBase64: png, deliveredOn: '2026-11-12' }, 'NOT_FOUND')
    await fails('actions.attachReceipt', { actionId: letter.id, deliveredOn: '2026-11-12' }, 'RECEIPT_FILE_MISSING', 'dataBase64')
  })
  it('takes a receipt staged in chunks by import.upload (uploadId) and discards the staged file', async () => {
    const letter = await call(core, 'actions.add', { caseId: ids.caseId, channel: 'lawyer_letter', target: 'borrower', at: '2026-11-10T10:00:00+08:00' })
    const png = makePng(60, 40, 3)
    const half = Math.floor(png.length / 2)
    const { uploadId } = await call(core, 'import.upload', { name: '律师函回执.png', chunkBase64: b64(png.subarray(0, half)) })
    await call(core, 'import.upload', { uploadId, name: '律师函回执.png', chunkBase64: b64(png.subarray(half)) })
    const a = await call(core, 'actions.attachReceipt', { actionId: letter.id, uploadId, deliveredOn: '2026-11-14' })
    expect(a).toMatchObject({ id: letter.id, deliveredOn: '2026-11-14' })
    expect(core.ctx.db.raw.prepare('SELECT id, kind, size, file_name FROM evidence_items').all()).toEqual([{ id: a.proofEvidenceId, kind: 'delivery_proof', size: png.length, file_name: '律师函回执.png' }])
    expect(await limitationExpiry()).toBe('2029-11-14')
    await fails('actions.attachReceipt', { actionId: letter.id, uploadId, deliveredOn: '2026-11-14' }, 'NOT_FOUND')
  })
})

describe('支付令 facts', () => {
  it('paymentOrder.set stores the checked conditions and answers with the verdict', async () => {
    expect((await call(core, 'paymentOrder.get', { id: ids.caseId })).verdict).toBe('check')
    const all = { dueAndAmountCertain: true, noOtherDebtDispute: true, noCounterObligation: true, debtorLocatable: true, canBeServed: true, claimsItemsNotAgreed: false }
    expect((await call(core, 'paymentOrder.set', { caseId: ids.caseId, ...all })).verdict).toBe('eligible')
    const no = await call(core, 'paymentOrder.set', { caseId: ids.caseId, ...all, canBeServed: false })
    expect(no.verdict).toBe('not-eligible')
    expect(no.conditions.find((c: { code: string }) => c.code === 'CAN_BE_SERVED').met).toBe(false)
    expect(JSON.parse((core.ctx.db.raw.prepare('SELECT facts_json FROM payment_order_facts').get() as { facts_json: string }).facts_json).canBeServed).toBe(false)
    await call(core, 'paymentOrder.set', { caseId: ids.caseId, ...all })
    await call(core, 'litigation.addEvent', { caseId: ids.caseId, kind: 'preservation', date: '2026-11-20' })
    expect((await call(core, 'paymentOrder.get', { id: ids.caseId })).verdict).toBe('not-eligible') // pre-suit preservation applied
  })
  it('refuses an unknown case and a non-boolean', async () => {
    await fails('paymentOrder.set', { caseId: 'nope', canBeServed: true }, 'NOT_FOUND')
    await fails('paymentOrder.set', { caseId: ids.caseId, canBeServed: 'yes' }, 'INVALID_INPUT', 'canBeServed')
    await fails('paymentOrder.get', { id: 'nope' }, 'NOT_FOUND')
  })
})

describe('rules settings', () => {
  it('conduct.setRules stores edited rules that the guard applies at once; null goes back to the defaults', async () => {
    const { rules, edited } = await call(core, 'conduct.rules', {})
    expect(edited).toBe(false)
    expect(rules.contactHours).toMatchObject({ start: '08:00', end: '21:00' })
    const at2030 = { caseId: ids.caseId, channel: 'phone', target: 'borrower', at: '2026-11-27T20:30:00+08:00', outcome: 'answered' }
    expect(await call(core, 'actions.check', at2030)).toEqual([])
    const saved = await call(core, 'conduct.setRules', { rules: { ...rules, contactHours: { ...rules.contactHours, end: '20:00' } } })
    expect(saved).toMatchObject({ edited: true, rules: { contactHours: { end: '20:00' } } })
    expect((await call(core, 'actions.check', at2030)).map((v: { code: string }) => v.code)).toEqual(['CONTACT_OUTSIDE_HOURS'])
    expect(core.ctx.db.raw.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'settings' AND entity_id = 'collection.conductRules'`).get()).toEqual({ n: 1 })
    expect((await call(core, 'conduct.setRules', { rules: null })).edited).toBe(false)
    expect(await call(core, 'actions.check', at2030)).toEqual([])
  })
  it('refuses rules with the wrong field named in Chinese and English, storing nothing', async () => {
    const { rules } = await call(core, 'conduct.rules', {})
    const T = ['settings', 'audit_log']
    const e1 = await expectRefused(core, T, 'conduct.setRules', { rules: { ...rules, contactHours: { ...rules.contactHours, start: '22:00' } } }, 'CONDUCT_RULES_INVALID', 'contactHours.end')
    expect(e1.message).toContain('开始时间须早于结束时间')
    expect(e1.messageEn).toContain('the start must be before the end')
    const e2 = await expectRefused(core, T, 'conduct.setRules', { rules: { ...rules, frequency: { caps: { phone: { perDay: 5, perWeek: 3 } } } } }, 'CONDUCT_RULES_INVALID', 'frequency.caps.phone.perWeek')
    expect(e2.message).toContain('每周上限不能小于每日上限')
    await expectRefused(core, T, 'conduct.setRules', { rules: { ...rules, contactHours: { ...rules.contactHours, start: '8点' } } }, 'CONDUCT_RULES_INVALID', 'contactHours.start')
  })
  it('plans.reductionLimits lists every lender with its limit or the default', async () => {
    expect(await call(core, 'plans.reductionLimits', {})).toEqual([{ lenderId: ids.lenderId, lenderName: '杭州信达小额贷款有限公司', maxPercent: 30, isDefault: true }])
    await call(core, 'plans.setReductionLimit', { lenderId: ids.lenderId, maxPercent: 12 })
    expect(await call(core, 'plans.reductionLimits', {})).toEqual([{ lenderId: ids.lenderId, lenderName: '杭州信达小额贷款有限公司', maxPercent: 12, isDefault: false }])
  })
})
