import { createHash } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import { idCheckChar } from '../../electron/core/law/id-number'
import { call, makeCore, expectRefused as refusedBy, tableSnapshot } from '../helpers/core'

/**
 * Issue 8's channels through the real dispatcher (clock pinned to 2026-11-28 12:00 Beijing): good input gives
 * the real outcome; bad input gives a coded zh/en error naming the field and leaves the store as it was.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
let ids: { lender: string; borrower: string; loan: string; kase: string; other: string }

const TABLES = ['cases', 'stage_history', 'collection_actions', 'promises', 'repayment_plans', 'plan_instalments', 'court_events', 'deadlines', 'settings', 'audit_log']
const snapshot = () => tableSnapshot(core, TABLES)

const fails = (channel: string, input: unknown, code: string, field?: string) => refusedBy(core, TABLES, channel, input, code, field)

beforeEach(async () => {
  core = await makeCore()
  const lender = await call(core, 'lenders.create', { name: '杭州信达小额贷款有限公司', creditCode: '91330100799655058B', regime: 'licensed' })
  const body = '33010619880312002'
  const borrower = await call(core, 'borrowers.create', { name: '李秀英', idNumber: body + idCheckChar(body), phones: [{ phone: '13800138000' }], addresses: [{ kind: 'hukou', address: '浙江省杭州市西湖区文三路1号' }] })
  const loan = await call(core, 'loans.create', {
    lenderId: lender.id, borrowerId: borrower.id, contractNo: 'XD-2025-001', contractDate: '2025-03-01', contractAmountFen: 1_200_000, disbursedAmountFen: 1_080_000,
    disbursementDate: '2025-03-01', repaymentMethod: 'equal_principal', rateTerm: '0.18', rateOverdue: '0.24',
    schedule: [1, 2, 3].map((m) => ({ dueDate: `2025-0${3 + m}-01`, principalFen: 400_000 })),
  })
  const kase = await call(core, 'cases.create', { borrowerId: borrower.id, lenderId: lender.id, loanIds: [loan.id], owner: '张律师' })
  const loan2 = await call(core, 'loans.create', {
    lenderId: lender.id, borrowerId: borrower.id, contractNo: 'XD-2025-002', contractDate: '2025-03-02', contractAmountFen: 100_000, disbursedAmountFen: 100_000,
    disbursementDate: '2025-03-02', repaymentMethod: 'bullet', schedule: [{ dueDate: '2025-09-02', principalFen: 100_000 }],
  })
  const other = await call(core, 'cases.create', { borrowerId: borrower.id, lenderId: lender.id, loanIds: [loan2.id] })
  ids = { lender: lender.id, borrower: borrower.id, loan: loan.id, kase: kase.id, other: other.id }
})

const call10 = (over: Record<string, unknown> = {}) => ({ caseId: ids.kase, channel: 'phone', target: 'borrower', at: '2026-11-28T10:00:00+08:00', outcome: 'answered', ...over })

describe('stages', () => {
  it('stages.change moves a case with the data the stage needs and records the history', async () => {
    const d = await call(core, 'stages.change', { caseId: ids.kase, to: 'litigation', court: '杭州市西湖区人民法院', filingDate: '2026-11-20', caseNumber: '(2026)浙0106民初1234号' })
    expect(d).toMatchObject({ stage: 'litigation', court: '杭州市西湖区人民法院' })
    expect(d.timeline.some((t: { title: string }) => t.title === '阶段：新案 → 诉讼')).toBe(true)
    const o = await call(core, 'stages.options', { id: ids.kase })
    expect(o.current).toBe('litigation')
    expect(o.history.map((h: { to: string }) => h.to)).toEqual(['new', 'litigation'])
    expect(o.next.find((n: { stage: string }) => n.stage === 'closed').required).toEqual(['closeReason'])
    const lit = await call(core, 'litigation.get', { id: ids.kase })
    expect(lit).toMatchObject({ caseNumber: '（2026）浙0106民初1234号', filingDate: '2026-11-20' })
  })
  it('refuses a move without its data, a forbidden move and a bad 案号, storing nothing', async () => {
    await fails('stages.change', { caseId: ids.kase, to: 'litigation', court: '某法院' }, 'STAGE_DATA_MISSING', 'filingDate')
    await fails('stages.change', { caseId: ids.kase, to: 'enforcement' }, 'STAGE_TRANSITION_NOT_ALLOWED', 'to')
    await fails('stages.change', { caseId: ids.kase, to: 'litigation', court: '某法院', filingDate: '2026-11-20', caseNumber: '浙0106民初1234号' }, 'CASE_NUMBER_INVALID', 'caseNumber')
    await fails('stages.change', { caseId: ids.kase, to: 'closed' }, 'STAGE_DATA_MISSING', 'closeReason')
    await fails('stages.change', { caseId: ids.kase, to: 'closed', closeReason: 'bored' }, 'INVALID_INPUT')
    await fails('stages.change', { caseId: 'nope', to: 'collection' }, 'NOT_FOUND')
    await fails('stages.options', { id: 'nope' }, 'NOT_FOUND')
  })
  it('stages.bulkChange moves what it can and reports the rest', async () => {
    await call(core, 'stages.change', { caseId: ids.other, to: 'closed', closeReason: 'write_off' })
    const r = await call(core, 'stages.bulkChange', { caseIds: [ids.kase, ids.other, 'nope'], to: 'collection' })
    expect(r.changed).toEqual([ids.kase])
    expect(r.failed.map((f: { code: string }) => f.code)).toEqual(['STAGE_TRANSITION_NOT_ALLOWED', 'NOT_FOUND'])
    await fails('stages.bulkChange', { caseIds: [], to: 'collection' }, 'INVALID_INPUT')
  })
  it('cases.bulkAssign gives selected cases an owner', async () => {
    const r = await call(core, 'cases.bulkAssign', { caseIds: [ids.kase, ids.other, 'nope'], owner: '王律师' })
    expect(r.changed).toEqual([ids.kase, ids.other])
    expect(r.failed).toHaveLength(1)
    expect((await call(core, 'cases.get', { id: ids.other })).owner).toBe('王律师')
    await fails('cases.bulkAssign', { caseIds: [ids.kase], owner: '' }, 'INVALID_INPUT', 'owner')
  })
})

describe('collection log and conduct guard', () => {
  it('actions.add saves an allowed call and actions.list shows it', async () => {
    const a = await call(core, 'actions.add', call10({ note: '本人接听，称月底还款', durationSec: 95 }))
    expect(a).toMatchObject({ channel: 'phone', outcome: 'answered', at: '2026-11-28T02:00:00.000Z', overrideReason: null, actor: 'tester' })
    const list = await call(core, 'actions.list', { id: ids.kase })
    expect(list.map((x: { id: string }) => x.id)).toEqual([a.id])
    expect((await call(core, 'cases.get', { id: ids.kase })).timeline.some((t: { kind: string }) => t.kind === 'action')).toBe(true)
  })
  it('blocks each rule with its code and stores nothing', async () => {
    const e = await fails('actions.add', call10({ at: '2026-11-27T21:30:00+08:00' }), 'CONTACT_OUTSIDE_HOURS', 'at')
    expect(e!.message).toContain('21:30')
    await fails('actions.add', call10({ target: 'emergency_contact', outcome: 'promised' }), 'THIRD_PARTY_DISCLOSURE', 'target')
    await fails('actions.add', call10({ note: '再不还就曝光到你单位' }), 'FORBIDDEN_EXPRESSION', 'note')
    await fails('actions.add', call10({ at: '2026-11-29T10:00:00+08:00' }), 'ACTION_IN_FUTURE', 'at')
    await fails('actions.add', call10({ at: '2026-11-28 25:00' }), 'ACTION_TIME_INVALID', 'at')
    await fails('actions.add', call10({ channel: 'pigeon' }), 'INVALID_INPUT', 'channel')
    await fails('actions.add', call10({ caseId: 'nope' }), 'NOT_FOUND')
    // Three calls a day is the default cap, counted over all the borrower's cases.
    for (const h of ['09', '10']) await call(core, 'actions.add', call10({ at: `2026-11-28T${h}:00:00+08:00` }))
    await call(core, 'actions.add', call10({ caseId: ids.other, at: '2026-11-28T11:00:00+08:00' }))
    await fails('actions.add', call10({ at: '2026-11-28T11:30:00+08:00' }), 'CONTACT_TOO_FREQUENT', 'at')
  })
  it('actions.check gives the verdict without saving', async () => {
    const before = snapshot()
    const v = await call(core, 'actions.check', call10({ at: '2026-11-27T21:30:00+08:00' }))
    expect(v.map((x: { code: string }) => x.code)).toEqual(['CONTACT_OUTSIDE_HOURS'])
    expect(await call(core, 'actions.check', call10())).toEqual([])
    expect(snapshot()).toEqual(before)
    await fails('actions.check', call10({ caseId: 'nope' }), 'NOT_FOUND')
  })
  it('an override reason saves a blocked action and writes the reason and the rule to the audit log', async () => {
    const a = await call(core, 'actions.add', call10({ at: '2026-11-27T21:30:00+08:00', overrideReason: '借款人要求晚间回电' }))
    expect(a.overrideReason).toBe('借款人要求晚间回电')
    const row = core.ctx.db.raw.prepare(`SELECT diff_json FROM audit_log WHERE entity_id = ? AND action = 'guard_override'`).get(a.id) as { diff_json: string }
    expect(JSON.parse(row.diff_json)).toMatchObject({ reason: '借款人要求晚间回电', violations: [{ code: 'CONTACT_OUTSIDE_HOURS' }] })
  })
  it('a delivered lawyer letter with its tracking number restarts limitation', async () => {
    const before = (await call(core, 'deadlines.forCase', { id: ids.kase })).limitation[0]
    expect(before).toMatchObject({ state: 'running', start: '2025-06-01', expiry: '2028-06-01' })
    await call(core, 'actions.add', { caseId: ids.kase, channel: 'lawyer_letter', target: 'borrower', at: '2026-11-20T15:00:00+08:00', trackingNo: 'EA123456789CN', deliveredOn: '2026-11-23' })
    const after = (await call(core, 'deadlines.forCase', { id: ids.kase })).limitation[0]
    expect(after.runs.at(-1)).toMatchObject({ from: '2026-11-23', cause: 'demand_delivered' })
    expect(after.expiry).toBe('2029-11-23')
    await fails('actions.add', { caseId: ids.kase, channel: 'letter', target: 'borrower', at: '2026-11-20T15:00:00+08:00', deliveredOn: '2026-11-19' }, 'DELIVERY_DATE_INVALID', 'deliveredOn')
  })
})

describe('promises', () => {
  it('promises.add records a promise, and promises.list matches it against repayments', async () => {
    const p = await call(core, 'promises.add', { caseId: ids.kase, amountFen: 100_000, dueDate: '2026-11-30' })
    expect(p).toMatchObject({ status: 'open', keptFen: 0, createdOn: '2026-11-28' })
    await call(core, 'loans.addRepayment', { loanId: ids.loan, repayment: { date: '2026-11-28', amountFen: 100_000 } })
    expect((await call(core, 'promises.list', { id: ids.kase }))[0]).toMatchObject({ status: 'kept', keptFen: 100_000 })
  })
  it('refuses a promise with no amount, a zero amount or a past date', async () => {
    await fails('promises.add', { caseId: ids.kase, dueDate: '2026-11-30' }, 'INVALID_INPUT', 'amountFen')
    await fails('promises.add', { caseId: ids.kase, amountFen: 0, dueDate: '2026-11-30' }, 'INVALID_INPUT', 'amountFen')
    await fails('promises.add', { caseId: ids.kase, amountFen: 100, dueDate: '2026-11-01' }, 'PROMISE_DATE_PAST', 'dueDate')
    await fails('promises.add', { caseId: ids.kase, amountFen: 100, dueDate: '2026-02-30' }, 'INVALID_INPUT', 'dueDate')
    await fails('promises.list', { id: 'nope' }, 'NOT_FOUND')
  })
})

describe('deadlines', () => {
  it('deadlines.compute rolls a period ending in the National Day holiday', async () => {
    const d = await call(core, 'deadlines.compute', { kind: 'appeal-judgment', from: '2024-09-20' })
    expect(d).toMatchObject({ due: '2024-10-08', rolledFrom: '2024-10-05' })
    expect(d.basis).toContain('第171条')
    const unknown = await call(core, 'deadlines.compute', { kind: 'appeal-judgment', from: '2031-03-01' })
    expect(unknown.calendarWarning.code).toBe('HOLIDAY_YEAR_UNKNOWN')
    await fails('deadlines.compute', { kind: 'appeal', from: '2024-09-20' }, 'INVALID_INPUT', 'kind')
    await fails('deadlines.compute', { kind: 'appeal-ruling', from: '2024-02-30' }, 'INVALID_INPUT', 'from')
  })
  it('court events give stored deadlines with warnings; deadlines.setStatus marks one done', async () => {
    await call(core, 'litigation.addEvent', { caseId: ids.kase, kind: 'judgment', date: '2026-11-10', amountFen: 1_100_000 })
    await call(core, 'litigation.addEvent', { caseId: ids.kase, kind: 'served', date: '2026-11-20' })
    await call(core, 'litigation.addEvent', { caseId: ids.kase, kind: 'hearing', date: '2026-12-03', court: '西湖法院' })
    const { deadlines } = await call(core, 'deadlines.forCase', { id: ids.kase })
    const appeal = deadlines.find((d: { kind: string }) => d.kind === 'appeal-judgment')
    // 15 days from 11-20 is Saturday 12-05: rolled to Monday 12-07.
    expect(appeal).toMatchObject({ from: '2026-11-20', due: '2026-12-07', daysLeft: 9, warning: 30, status: 'open' })
    expect(deadlines.find((d: { kind: string }) => d.kind === 'enforcement')).toMatchObject({ from: '2026-12-08', due: '2028-12-08' })
    expect(deadlines.find((d: { kind: string }) => d.kind === 'hearing')).toMatchObject({ due: '2026-12-03', warning: 7 })
    const done = await call(core, 'deadlines.setStatus', { id: appeal.id, status: 'done' })
    expect(done.status).toBe('done')
    expect((await call(core, 'deadlines.forCase', { id: ids.kase })).deadlines.find((d: { id: string }) => d.id === appeal.id).status).toBe('done')
    await fails('deadlines.setStatus', { id: 'nope', status: 'done' }, 'NOT_FOUND')
    await fails('deadlines.setStatus', { id: appeal.id, status: 'forgotten' }, 'INVALID_INPUT', 'status')
    await fails('deadlines.forCase', { id: 'nope' }, 'NOT_FOUND')
  })
})

describe('repayment plans', () => {
  it('plans.propose splits the supportable claim minus a reduction exactly; agree, list and the agreement follow', async () => {
    const plan = await call(core, 'plans.propose', { caseId: ids.kase, reductionFen: 10_000, count: 3, firstDate: '2026-12-15' })
    expect(plan.status).toBe('proposed')
    expect(plan.totalFen).toBe(plan.supportableFen - 10_000)
    expect(plan.instalments.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2026-12-15', '2027-01-15', '2027-02-15'])
    expect(plan.instalments.reduce((s: number, i: { amountFen: number }) => s + i.amountFen, 0)).toBe(plan.totalFen)
    const calc = await call(core, 'calc.claim', { loanId: ids.loan, asOf: '2026-11-28' })
    expect(plan.supportableFen).toBe(Math.round(Number(calc.result.total) * 100))
    const agreed = await call(core, 'plans.agree', { id: plan.id })
    expect(agreed.status).toBe('agreed')
    await fails('plans.agree', { id: plan.id }, 'PLAN_NOT_PROPOSED')
    const doc = await call(core, 'plans.agreement', { id: plan.id, format: 'pdf' })
    expect(Buffer.from(doc.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect(doc.fileName).toMatch(/^还款协议-.*\.pdf$/)
    // Registered like any generated document: template + version, the snapshot of this plan's instalments, on the
    // case's documents list and timeline, and regenerated byte for byte.
    const row = core.ctx.db.raw.prepare('SELECT * FROM documents').get() as { id: string; case_id: string; doc_type: string; template_id: string; template_version: number; sha256: string; inputs_json: string }
    expect(row).toMatchObject({ id: doc.documentId, case_id: ids.kase, doc_type: 'repayment-agreement' })
    expect(row.template_version).toBeGreaterThanOrEqual(1)
    const snap = JSON.parse(row.inputs_json).context.plan
    expect(snap.instalments.length).toBe(plan.instalments.length)
    expect(snap.total).toBe((plan.totalFen / 100).toFixed(2))
    expect(createHash('sha256').update(Buffer.from(doc.base64, 'base64')).digest('hex')).toBe(row.sha256)
    expect((await call(core, 'documents.listForCase', { id: ids.kase })).map((d: { id: string }) => d.id)).toEqual([doc.documentId])
    expect((await call(core, 'documents.regenerate', { id: doc.documentId })).identical).toBe(true)
    expect((await call(core, 'cases.get', { id: ids.kase })).timeline.some((t: { title: string }) => t.title === '文书：repayment-agreement (pdf)')).toBe(true)
    expect((await call(core, 'plans.list', { id: ids.kase }))[0].id).toBe(plan.id)
    await fails('plans.agreement', { id: 'nope' }, 'NOT_FOUND')
    await fails('plans.list', { id: 'nope' }, 'NOT_FOUND')
  })
  it('refuses instalments that do not add up, a reduction over the lender limit and a past first date', async () => {
    const e = await fails('plans.propose', { caseId: ids.kase, count: 2, firstDate: '2026-12-15', amountsFen: [100, 200] }, 'PLAN_SUM_MISMATCH', 'amountsFen')
    expect(e!.message).toContain('不符')
    await fails('plans.propose', { caseId: ids.kase, count: 3, firstDate: '2026-12-15', amountsFen: [100, 200] }, 'PLAN_INSTALMENT_COUNT', 'amountsFen')
    await fails('plans.propose', { caseId: ids.kase, reductionFen: 99_999_999, count: 3, firstDate: '2026-12-15' }, 'PLAN_REDUCTION_OVER_LIMIT', 'reductionFen')
    await fails('plans.propose', { caseId: ids.kase, count: 3, firstDate: '2026-11-01' }, 'PLAN_FIRST_DATE_PAST', 'firstDate')
    await fails('plans.propose', { caseId: ids.kase, count: 0, firstDate: '2026-12-15' }, 'INVALID_INPUT', 'count')
  })
  it('plans.setReductionLimit sets the lender limit the plan checks against', async () => {
    await call(core, 'plans.setReductionLimit', { lenderId: ids.lender, maxPercent: 0 })
    await fails('plans.propose', { caseId: ids.kase, reductionFen: 1, count: 1, firstDate: '2026-12-15' }, 'PLAN_REDUCTION_OVER_LIMIT')
    await fails('plans.setReductionLimit', { lenderId: ids.lender, maxPercent: 101 }, 'INVALID_INPUT', 'maxPercent')
    await fails('plans.setReductionLimit', { lenderId: 'nope', maxPercent: 10 }, 'NOT_FOUND')
  })
})

describe('litigation', () => {
  it('litigation.update validates the 案号 and computes the fee for the procedure', async () => {
    const r = await call(core, 'litigation.update', { caseId: ids.kase, procedure: 'small_claims', court: '杭州市西湖区人民法院', caseNumber: '（2026）浙0106民初88号', filingDate: '2026-11-25' })
    expect(r).toMatchObject({ procedure: 'small_claims', caseNumber: '（2026）浙0106民初88号', filingDate: '2026-11-25' })
    expect(r.procedureFee).toBe(r.fees.halfFee)
    const fee = await call(core, 'calc.courtFee', { claim: r.claimYuan })
    expect(r.fees.fullFee).toBe(fee.fullFee)
    await fails('litigation.update', { caseId: ids.kase, caseNumber: '2026浙0106民初88号' }, 'CASE_NUMBER_INVALID', 'caseNumber')
    await fails('litigation.update', { caseId: ids.kase, filingDate: '2026-12-25' }, 'FILING_DATE_FUTURE', 'filingDate')
    await fails('litigation.update', { caseId: ids.kase, procedure: 'trial_by_combat' }, 'INVALID_INPUT', 'procedure')
  })
  it('litigation.addEvent records events; only a hearing may be in the future', async () => {
    const e = await call(core, 'litigation.addEvent', { caseId: ids.kase, kind: 'preservation', date: '2026-11-26', amountFen: 500_000 })
    expect(e).toMatchObject({ kind: 'preservation', amountFen: 500_000 })
    expect((await call(core, 'deadlines.forCase', { id: ids.kase })).deadlines[0]).toMatchObject({ kind: 'sue-after-preservation', due: '2026-12-28' })
    await fails('litigation.addEvent', { caseId: ids.kase, kind: 'judgment', date: '2026-12-01' }, 'COURT_EVENT_IN_FUTURE', 'date')
    await fails('litigation.addEvent', { caseId: ids.kase, kind: 'served', date: '2026-11-01', caseNumber: '（2026）浙0106民初0号' }, 'CASE_NUMBER_INVALID')
    await fails('litigation.addEvent', { caseId: 'nope', kind: 'hearing', date: '2026-12-01' }, 'NOT_FOUND')
    await fails('litigation.get', { id: 'nope' }, 'NOT_FOUND')
  })
})

describe('work queue', () => {
  it('queue.today lists new cases, promises due and near deadlines, ordered by score with overrides', async () => {
    await call(core, 'promises.add', { caseId: ids.other, amountFen: 50_000, dueDate: '2026-11-28' })
    const q = await call(core, 'queue.today')
    expect(q.map((i: { caseId: string }) => i.caseId).sort()).toEqual([ids.kase, ids.other].sort())
    const other = q.find((i: { caseId: string }) => i.caseId === ids.other)
    expect(other.reasons.map((r: { kind: string }) => r.kind).sort()).toEqual(['new_case', 'promise_due'])
    expect(other.factors).toHaveLength(7)
    expect(q[0].score).toBeGreaterThanOrEqual(q[1].score)
    const low = q.at(-1)
    await call(core, 'queue.overrideScore', { caseId: low.caseId, score: 99, reason: '借款人已筹款' })
    const q2 = await call(core, 'queue.today', { limit: 1 })
    expect(q2).toHaveLength(1)
    expect(q2[0]).toMatchObject({ caseId: low.caseId, score: 99, computedScore: low.computedScore, override: { reason: '借款人已筹款' } })
    await fails('queue.overrideScore', { caseId: ids.kase, score: 99, reason: '' }, 'INVALID_INPUT', 'reason')
    await fails('queue.overrideScore', { caseId: ids.kase, score: 101, reason: 'x' }, 'INVALID_INPUT', 'score')
    await fails('queue.overrideScore', { caseId: 'nope', score: 1, reason: 'x' }, 'NOT_FOUND')
    await fails('queue.today', { limit: 0 }, 'INVALID_INPUT', 'limit')
  })
})
