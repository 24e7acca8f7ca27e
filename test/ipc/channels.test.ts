import { beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS, type ChannelName } from '../../shared/ipc/contract'
import { idCheckChar } from '../../electron/core/law/id-number'
import { call, makeCore } from '../helpers/core'

/**
 * Every channel of the contract, through the same dispatcher as Electron and the web bridge: good input gives
 * the real outcome, bad input gives a coded zh/en error and changes nothing in the store.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
let ids: { lender: string; borrower: string; loan: string; kase: string }

const TABLES = ['lenders', 'borrowers', 'borrower_phones', 'borrower_addresses', 'loans', 'schedule_items', 'loan_guarantors', 'disbursements', 'repayments', 'cases', 'case_loans', 'stage_history', 'case_search', 'audit_log']
function snapshot() {
  const raw = core.ctx.db.raw
  return Object.fromEntries(TABLES.map((t) => [t, raw.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]))
}
const idFor = (body17: string) => body17 + idCheckChar(body17)
const wrongId = (body17: string) => body17 + (idCheckChar(body17) === '1' ? '2' : '1')

beforeEach(async () => {
  core = await makeCore()
  const lender = await call(core, 'lenders.create', { name: '杭州信达小额贷款有限公司', creditCode: '91330100799655058B', regime: 'licensed' })
  const borrower = await call(core, 'borrowers.create', { name: '李秀英', idNumber: idFor('33010619880312002'), phones: [{ phone: '13800138000' }], addresses: [{ kind: 'hukou', address: '浙江省杭州市西湖区文三路1号' }] })
  const loan = await call(core, 'loans.create', {
    lenderId: lender.id, borrowerId: borrower.id, contractNo: 'XD-2025-001', contractDate: '2025-03-01', contractAmountFen: 1_200_000, disbursedAmountFen: 1_080_000,
    disbursementDate: '2025-03-01', repaymentMethod: 'equal_principal', rateTerm: '0.18', rateOverdue: '0.24',
    schedule: [1, 2, 3].map((m) => ({ dueDate: `2025-0${3 + m}-01`, principalFen: 400_000 })),
  })
  const kase = await call(core, 'cases.create', { borrowerId: borrower.id, lenderId: lender.id, loanIds: [loan.id], owner: '张律师' })
  ids = { lender: lender.id, borrower: borrower.id, loan: loan.id, kase: kase.id }
})

/** Good calls with what they must produce; bad calls with the error code they must give. */
const CASES: Record<ChannelName, { good: () => [unknown, (data: any) => void]; bad: () => [unknown, string][] }> = {
  'system.info': { good: () => [undefined, (d) => expect(d).toMatchObject({ cases: 1, version: 'test', schema: '0001-initial' })], bad: () => [[{ extra: 1 }, 'INVALID_INPUT']] },
  'lenders.create': {
    good: () => [{ name: '上海汇融商务咨询有限公司', regime: 'private' }, (d) => expect(d).toMatchObject({ name: '上海汇融商务咨询有限公司', regime: 'private', creditCode: null })],
    bad: () => [
      [{ name: '某公司', regime: 'private', creditCode: '91330100799655058C' }, 'INVALID_CREDIT_CODE'],
      [{ name: '某公司', regime: 'bank' }, 'INVALID_INPUT'],
      [{ name: '', regime: 'private' }, 'INVALID_INPUT'],
      [{ name: 'x'.repeat(201), regime: 'private' }, 'INVALID_INPUT'],
      [{ name: '杭州信达小额贷款有限公司', regime: 'licensed' }, 'DUPLICATE_LENDER'],
      [{ name: '某公司', regime: 'private', hacker: true }, 'INVALID_INPUT'],
    ],
  },
  'lenders.update': {
    good: () => [{ id: ids.lender, patch: { address: '杭州市西湖区' } }, (d) => expect(d.address).toBe('杭州市西湖区')],
    bad: () => [[{ id: ids.lender, patch: { creditCode: 'ABC' } }, 'INVALID_CREDIT_CODE'], [{ id: 'nope', patch: {} }, 'NOT_FOUND'], [{ id: ids.lender, patch: { regime: 42 } }, 'INVALID_INPUT']],
  },
  'lenders.get': { good: () => [{ id: ids.lender }, (d) => expect(d.creditCode).toBe('91330100799655058B')], bad: () => [[{ id: 'nope' }, 'NOT_FOUND'], [{}, 'INVALID_INPUT']] },
  'lenders.list': { good: () => [undefined, (d) => expect(d.map((l: { name: string }) => l.name)).toEqual(['杭州信达小额贷款有限公司'])], bad: () => [[{ q: 1 }, 'INVALID_INPUT']] },
  'borrowers.create': {
    good: () => [{ name: '赵敏', idNumber: idFor('11010519900101001').toLowerCase(), phones: [{ phone: '+86 139-0000-1111' }] }, (d) => expect(d).toMatchObject({ name: '赵敏', sex: 'male', birthDate: '1990-01-01', phonesMasked: [{ phone: '139****1111' }] })],
    bad: () => [
      [{ name: '赵敏', idNumber: wrongId('11010519900101001') }, 'INVALID_ID_NUMBER'],
      [{ name: '赵敏', idNumber: idFor('11010520990101001') }, 'INVALID_ID_NUMBER'],
      [{ name: '赵敏', idNumber: idFor('33010619880312002') }, 'DUPLICATE_ID_NUMBER'],
      [{ name: '赵敏', phones: [{ phone: 'call me' }] }, 'INVALID_INPUT'],
      [{ name: 123 }, 'INVALID_INPUT'],
    ],
  },
  'borrowers.update': {
    good: () => [{ id: ids.borrower, patch: { phones: [{ phone: '13912345678' }] } }, (d) => expect(d.phonesMasked).toEqual([{ kind: 'mobile', phone: '139****5678', isPrimary: true }])],
    bad: () => [[{ id: ids.borrower, patch: { idNumber: wrongId('33010619880312003') } }, 'INVALID_ID_NUMBER'], [{ id: 'nope', patch: { name: '甲' } }, 'NOT_FOUND']],
  },
  'borrowers.get': { good: () => [{ id: ids.borrower }, (d) => expect(d.idNumberMasked).toMatch(/^330106\*{8}\d{3}[\dX]$/)], bad: () => [[{ id: 'nope' }, 'NOT_FOUND']] },
  'borrowers.reveal': {
    good: () => [{ id: ids.borrower, field: 'idNumber' }, (d) => expect(d.idNumber).toBe(idFor('33010619880312002'))],
    bad: () => [[{ id: ids.borrower, field: 'password' }, 'INVALID_INPUT'], [{ id: 'nope', field: 'phones' }, 'NOT_FOUND']],
  },
  'loans.create': {
    good: () => [
      { lenderId: ids.lender, borrowerId: ids.borrower, contractNo: 'XD-2025-002', contractDate: '2025-06-01', contractAmountFen: 500_000, disbursedAmountFen: 500_000, disbursementDate: '2025-06-01', repaymentMethod: 'bullet', schedule: [{ dueDate: '2025-12-01', principalFen: 500_000 }] },
      (d) => expect(d).toMatchObject({ contractNo: 'XD-2025-002', principalOutstandingFen: 500_000, schedule: [{ seq: 1, dueDate: '2025-12-01' }] }),
    ],
    bad: () => {
      const base = { lenderId: ids.lender, borrowerId: ids.borrower, contractNo: 'XD-2025-003', contractDate: '2025-06-01', contractAmountFen: 500_000, disbursedAmountFen: 500_000, disbursementDate: '2025-06-01', repaymentMethod: 'bullet' }
      return [
        [{ ...base, contractAmountFen: -1 }, 'INVALID_INPUT'],
        [{ ...base, contractAmountFen: 12.5 }, 'INVALID_INPUT'],
        [{ ...base, contractDate: '2025-02-30' }, 'INVALID_INPUT'],
        [{ ...base, rateTerm: '24' }, 'INVALID_INPUT'],
        [{ ...base, disbursedAmountFen: 600_000 }, 'DISBURSED_ABOVE_CONTRACT'],
        [{ ...base, schedule: [{ dueDate: '2025-05-01', principalFen: 500_000 }] }, 'SCHEDULE_BEFORE_DISBURSEMENT'],
        [{ ...base, contractNo: 'XD-2025-001' }, 'DUPLICATE_CONTRACT'],
        [{ ...base, lenderId: 'nope' }, 'NOT_FOUND'],
      ]
    },
  },
  'loans.update': {
    good: () => [{ id: ids.loan, patch: { penaltyRate: '0.05' } }, (d) => expect(d.penaltyRate).toBe('0.05')],
    bad: () => [[{ id: ids.loan, patch: { disbursedAmountFen: 2_000_000 } }, 'DISBURSED_ABOVE_CONTRACT'], [{ id: ids.loan, patch: { lenderId: 'x' } }, 'INVALID_INPUT']],
  },
  'loans.get': { good: () => [{ id: ids.loan }, (d) => expect(d.schedule.map((s: { principalFen: number }) => s.principalFen)).toEqual([400_000, 400_000, 400_000])], bad: () => [[{ id: 'nope' }, 'NOT_FOUND']] },
  'loans.addRepayment': {
    good: () => [{ loanId: ids.loan, repayment: { date: '2025-04-01', amountFen: 400_000, principalFen: 360_000 } }, (d) => expect(d).toMatchObject({ principalRepaidFen: 360_000, principalOutstandingFen: 720_000 })],
    bad: () => [
      [{ loanId: ids.loan, repayment: { date: '2027-01-01', amountFen: 100 } }, 'DATE_IN_FUTURE'],
      [{ loanId: ids.loan, repayment: { date: '2025-01-01', amountFen: 100 } }, 'REPAYMENT_BEFORE_DISBURSEMENT'],
      [{ loanId: ids.loan, repayment: { date: '2025-04-01', amountFen: 0 } }, 'INVALID_INPUT'],
      [{ loanId: ids.loan, repayment: { date: '2025-04-01', amountFen: 100, principalFen: 200 } }, 'PRINCIPAL_EXCEEDS_AMOUNT'],
    ],
  },
  'loans.listForCase': { good: () => [{ id: ids.kase }, (d) => expect(d.map((l: { contractNo: string }) => l.contractNo)).toEqual(['XD-2025-001'])], bad: () => [[{ id: 'nope' }, 'NOT_FOUND']] },
  'cases.create': {
    good: () => [{ borrowerId: ids.borrower, lenderId: ids.lender, loanIds: [ids.loan], caseNo: 'AJ-X-1' }, (d) => expect(d).toMatchObject({ caseNo: 'AJ-X-1', stage: 'new', principalOutstandingFen: 1_080_000 })],
    bad: () => [
      [{ borrowerId: ids.borrower, lenderId: ids.lender, loanIds: [] }, 'INVALID_INPUT'],
      [{ borrowerId: ids.borrower, lenderId: ids.lender, loanIds: ['nope'] }, 'NOT_FOUND'],
      [{ borrowerId: ids.lender, lenderId: ids.lender, loanIds: [ids.loan] }, 'LOAN_PARTY_MISMATCH'],
      // The same loan twice breaks the case↔loan key after the case row is written: the transaction rolls back whole.
      [{ borrowerId: ids.borrower, lenderId: ids.lender, loanIds: [ids.loan, ids.loan] }, 'CONSTRAINT_FAILED'],
    ],
  },
  'cases.update': {
    good: () => [{ id: ids.kase, patch: { owner: '李律师', priority: 'high' } }, (d) => expect(d).toMatchObject({ owner: '李律师', priority: 'high' })],
    bad: () => [[{ id: ids.kase, patch: { stage: 'closed' } }, 'INVALID_INPUT'], [{ id: 'nope', patch: {} }, 'NOT_FOUND']],
  },
  'cases.get': {
    good: () => [{ id: ids.kase }, (d) => expect(d).toMatchObject({ overdueSince: '2025-04-01', daysPastDue: 606, principalOutstandingFen: 1_080_000, timeline: expect.arrayContaining([expect.objectContaining({ kind: 'opened' })]) })],
    bad: () => [[{ id: 'nope' }, 'NOT_FOUND']],
  },
  'cases.list': {
    good: () => [{ search: '秀英', stage: 'new', dpdBucket: 'M6+', minAmountFen: 1_000_000 }, (d) => expect(d).toMatchObject({ total: 1, rows: [{ borrowerName: '李秀英', daysPastDue: 606, phoneMasked: '138****8000' }] })],
    bad: () => [[{ stage: '催收' }, 'INVALID_INPUT'], [{ limit: 10_000 }, 'INVALID_INPUT'], [{ search: 'x'.repeat(51) }, 'INVALID_INPUT']],
  },
  'validate.idNumber': { good: () => [{ value: '11010519491231002X' }, (d) => expect(d).toEqual({ valid: true, reason: null, birthDate: '1949-12-31', sex: 'female' })], bad: () => [[{ value: 11010519 }, 'INVALID_INPUT']] },
  'validate.creditCode': { good: () => [{ value: '91350100M000100Y43' }, (d) => expect(d).toEqual({ valid: true, reason: null })], bad: () => [[{}, 'INVALID_INPUT']] },
  'audit.verify': { good: () => [undefined, (d) => expect(d).toMatchObject({ ok: true, entries: 4, firstBroken: null })], bad: () => [[{ deep: true }, 'INVALID_INPUT']] },
  'db.check': { good: () => [undefined, (d) => expect(d).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: [] })], bad: () => [['yes', 'INVALID_INPUT']] },
}

it('every channel of the contract is covered here', () => {
  expect(Object.keys(CASES).sort()).toEqual([...CHANNELS].sort())
})

describe.each(CHANNELS)('%s', (channel) => {
  it('does its work on good input', async () => {
    const [input, check] = CASES[channel].good()
    const r = await core.dispatch(channel, input)
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    check(r.data)
  })

  it('refuses bad input with a coded, bilingual message and changes nothing', async () => {
    for (const [input, code] of CASES[channel].bad()) {
      const before = snapshot()
      const r = await core.dispatch(channel, input)
      expect(r.ok, JSON.stringify(input)).toBe(false)
      if (r.ok) continue
      expect(r.error.code, JSON.stringify(input)).toBe(code)
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
      expect(r.error.messageEn).toMatch(/[A-Za-z]/)
      expect(snapshot()).toEqual(before)
    }
  })
})

it('an unknown channel is refused', async () => {
  expect(await core.dispatch('cases.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
})
