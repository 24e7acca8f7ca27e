import { beforeEach, describe, expect, it } from 'vitest'
import type { ChannelName } from '../../shared/ipc/contract'
import { calcChannels } from '../../shared/ipc/channels/calc'
import { storeChannels } from '../../shared/ipc/channels/store'
import { idCheckChar } from '../../electron/core/law/id-number'
import { LATEST_MIGRATION } from '../../electron/core/db/migrations'
import { readFileSync } from 'node:fs'
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
const CASES: Record<string, { good: () => [unknown, (data: any) => void]; bad: () => [unknown, string][] }> = {
  'system.info': { good: () => [undefined, (d) => expect(d).toMatchObject({ cases: 1, version: 'test', schema: LATEST_MIGRATION })], bad: () => [[{ extra: 1 }, 'INVALID_INPUT']] },
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
  'calc.claim': {
    // Licensed lender, 360-day year. Principal is the 10,800 disbursed (not 12,000), instalments scaled to 3,600 each.
    // Term interest 18%: 10,800×31 + 7,200×30 + 3,600×31 days ×0.18/360 = 167.40 + 108.00 + 55.80 = 331.20
    // Overdue interest 24% (= the cap): 3,600 × (91 + 61 + 30) days × 0.24/360 = 218.40 + 146.40 + 72.00 = 436.80
    // Uncapped: 12,000 principal, term 186 + 120 + 62 = 368.00, overdue 4,000 × 182 × 0.24/360 = 485.33
    good: () => [{ loanId: ids.loan, asOf: '2025-07-01' }, (d) => {
      expect(d.input).toMatchObject({ regime: 'licensed', disbursedAmount: '10800.00', asOf: '2025-07-01' })
      expect(d.result).toMatchObject({ principalOutstanding: '10800.00', termInterest: '331.20', overdueInterest: '436.80', penaltyAndOverdueFees: '0.00', total: '11568.00', dayBasis: 360 })
      expect(d.result.uncapped).toMatchObject({ principalOutstanding: '12000.00', termInterest: '368.00', overdueInterest: '485.33', total: '12853.33' })
      expect(d.result.cap.annualRate).toBe('0.24')
    }],
    bad: () => [
      [{ loanId: 'nope', asOf: '2025-07-01' }, 'NOT_FOUND'],
      [{ loanId: ids.loan, asOf: '2025-02-30' }, 'CLAIM_DATE_INVALID'],
      [{ input: { regime: 'private', contractDate: '2024-01-01', disbursementDate: '2024-01-01', contractAmount: '1000', disbursedAmount: '1000', rateTerm: '24', schedule: [{ dueDate: '2024-06-01', principal: '1000' }], asOf: '2024-09-01' } }, 'CLAIM_RATE_PERCENT'],
      [{ input: { regime: 'private' } }, 'CLAIM_INPUT_INVALID'],
    ],
  },
  'calc.courtFee': {
    // 第13条(一): 50 for the first 10,000, then 2.5% up to 100,000 → 50 + 2,250 = 2,300; preservation 30 + 1% × 99,000 = 1,020
    good: () => [{ claim: '100000' }, (d) => expect(d).toEqual({ fullFee: '2300.00', fullFeeYuan: '2300', halfFee: '1150.00', paymentOrderFee: '766.67', preservationFee: '1020.00' })],
    bad: () => [[{ claim: '-5' }, 'CLAIM_AMOUNT_NEGATIVE'], [{ claim: 100 }, 'INVALID_INPUT'], [{ claim: '1.234' }, 'CLAIM_AMOUNT_FORMAT']],
  },
  'settings.lprTable': {
    good: () => [undefined, (d) => {
      expect(d.source).toBe('shipped')
      expect(d.rows[0]).toEqual({ effective: '2026-08-20', lpr1y: '3.00', lpr5y: '3.50' })
      expect(d.rows.at(-1)).toEqual({ effective: '2019-08-20', lpr1y: '4.25', lpr5y: '4.85' })
    }],
    bad: () => [[{ source: 'x' }, 'INVALID_INPUT']],
  },
  'settings.importLprTable': {
    good: () => {
      const table = JSON.parse(readFileSync('resources/data/lpr.json', 'utf8'))
      table.rows.push({ effective: '2026-09-21', lpr1y: '2.90', lpr5y: '3.40' })
      return [{ table }, (d) => expect(d).toEqual({ rows: table.rows.length, lastEffective: '2026-09-21', inForce: true })]
    },
    bad: () => [[{ table: { asOf: '2026-01-01', rows: [] } }, 'LPR_TABLE_INVALID'], [{ table: { asOf: '2026-01-01', rows: [{ effective: '2026-01-20', lpr1y: '3', lpr5y: '3.5' }] } }, 'LPR_TABLE_INVALID']],
  },
  'validate.idNumber': { good: () => [{ value: '11010519491231002X' }, (d) => expect(d).toEqual({ valid: true, reason: null, birthDate: '1949-12-31', sex: 'female' })], bad: () => [[{ value: 11010519 }, 'INVALID_INPUT']] },
  'validate.creditCode': { good: () => [{ value: '91350100M000100Y43' }, (d) => expect(d).toEqual({ valid: true, reason: null })], bad: () => [[{}, 'INVALID_INPUT']] },
  'audit.verify': { good: () => [undefined, (d) => expect(d).toMatchObject({ ok: true, entries: 4, firstBroken: null })], bad: () => [[{ deep: true }, 'INVALID_INPUT']] },
  'db.check': { good: () => [undefined, (d) => expect(d).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: [] })], bad: () => [['yes', 'INVALID_INPUT']] },
}

it('covers the store and calculator channels', () => {
  expect(Object.keys(CASES).sort()).toEqual([...Object.keys(storeChannels), ...Object.keys(calcChannels)].sort())
})

describe.each(Object.keys(CASES) as ChannelName[])('%s', (channel) => {
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
