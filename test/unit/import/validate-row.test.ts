import { describe, expect, it } from 'vitest'
import { DuplicateTracker } from '../../../electron/core/import/duplicates'
import { proposeMapping, resolveMapping } from '../../../electron/core/import/mapping'
import { toStoredRow } from '../../../electron/core/import/store-row'
import type { NormalizedRow } from '../../../electron/core/import/types'
import { validateRow } from '../../../electron/core/import/validate-row'

const HEADERS = ['借款人姓名', '身份证号', '手机号', '合同编号', '借款金额', '实际放款金额', '放款日期', '到期日', '月利率', '逾期日利率', '已还本金', '还款方式']
const mapping = resolveMapping(proposeMapping(HEADERS), HEADERS, true)
const defaults = { lenderName: '示例小贷', lenderCreditCode: '91350100M000100Y43', dayBasis: 360 as const, today: '2026-11-28' }
const GOOD = ['张三', '11010519491231002X', '13800138000/13900139000', 'HT-1', '¥10,000', '9,500.00', '2024年3月5日', '2025/3/5', '月息1.5分', '万分之五', '0', '等额本息']
const row = (cells: string[], rowNumber = 2) => ({ rowNumber, cells })

describe('validateRow', () => {
  it('normalises a good row completely', () => {
    expect(validateRow(row(GOOD), mapping, defaults)).toEqual({
      ok: true, warnings: [],
      value: {
        borrower: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000', otherPhones: ['13900139000'], address: null },
        lender: { name: '示例小贷', creditCode: '91350100M000100Y43' },
        loan: {
          contractNo: 'HT-1', contractDate: null, contractAmountFen: 1_000_000, disbursedAmountFen: 950_000,
          disbursementDate: '2024-03-05', dueDate: '2025-03-05', instalments: null,
          rateAnnual: '0.18', rateOriginal: '月息1.5分', overdueRateAnnual: '0.18', overdueRateOriginal: '万分之五',
          penaltyRateAnnual: null, penaltyRateOriginal: null, feesFen: null, principalRepaidFen: 0, interestRepaidFen: null,
          daysPastDue: null, repaymentMethod: 'equal_instalment', repaymentMethodOriginal: '等额本息',
        },
      },
    })
  })

  it('reports every problem of a row at once, with row number, header and code', () => {
    const bad = ['', '110105194912310021', '13800138000', 'HT-2', '10,000', '12,000', '2024-02-30', '2025-03-05', '3%%', '', '', '']
    const r = validateRow(row(bad, 7), mapping, defaults)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, '借款人姓名', 'IMPORT_REQUIRED'],
      [7, '身份证号', 'IMPORT_ID_INVALID'],
      [7, '放款日期', 'IMPORT_DATE_INVALID'],
      [7, '月利率', 'IMPORT_RATE_INVALID'],
      [7, '实际放款金额', 'IMPORT_DISBURSED_EXCEEDS_CONTRACT'],
    ])
    expect(r.errors[0]).toEqual({ row: 7, column: '借款人姓名', code: 'IMPORT_REQUIRED', message: '借款人姓名为空', messageEn: 'Borrower name is empty' })
  })

  it('keeps the loan but warns and drops a bad phone number', () => {
    const r = validateRow(row(GOOD.map((c, i) => (i === 2 ? '010-88886666' : c))), mapping, defaults)
    expect(r.ok && r.value.borrower.phone).toBeNull()
    expect(r.warnings).toMatchObject([{ row: 2, column: '手机号', code: 'IMPORT_PHONE_INVALID' }])
  })

  it('checks dates against each other and today', () => {
    const swapped = GOOD.map((c, i) => (i === 6 ? '2025-03-05' : i === 7 ? '2024-03-05' : c))
    expect(validateRow(row(swapped), mapping, defaults)).toMatchObject({ ok: false, errors: [{ column: '到期日', code: 'IMPORT_DATE_ORDER' }] })
    const future = GOOD.map((c, i) => (i === 6 ? '2027-01-01' : i === 7 ? '2028-01-01' : c))
    expect(validateRow(row(future), mapping, defaults)).toMatchObject({ ok: false, errors: [{ column: '放款日期', code: 'IMPORT_DATE_IN_FUTURE' }] })
  })

  it('rejects a row whose data spills past the header (an unquoted comma shifts every field)', () => {
    expect(validateRow(row([...GOOD, '', '多出来']), mapping, defaults)).toMatchObject({ ok: false, errors: [{ column: 'N', code: 'IMPORT_ROW_EXTRA_CELLS' }] })
    expect(validateRow(row([...GOOD, '', ' ']), mapping, defaults).ok).toBe(true)
  })

  it('passes reading problems through as row errors', () => {
    const problem = { row: 9, column: '', code: 'IMPORT_ROW_TOO_MANY_COLUMNS', message: 'm', messageEn: 'e' }
    expect(validateRow({ rowNumber: 9, cells: GOOD, problems: [problem] }, mapping, defaults)).toMatchObject({ ok: false, errors: [problem] })
  })

  it('needs a lender from the file or from the import', () => {
    const { lenderName: _omit, lenderCreditCode: _c, ...noLender } = defaults
    expect(validateRow(row(GOOD), mapping, noLender)).toMatchObject({ ok: false, errors: [{ column: '', code: 'IMPORT_REQUIRED', message: '出借人为空' }] })
  })
})

describe('DuplicateTracker', () => {
  /** The row's value and its digest (what the import passes: store-row.ts computes it). */
  const value = (cells: string[]): [NormalizedRow, string] => {
    const r = validateRow(row(cells), mapping, defaults)
    if (!r.ok) throw new Error('fixture row invalid')
    const s = toStoredRow(r.value, 2, defaults.today, 360, () => '合同编号')
    if (!s.ok) throw new Error('fixture row not storable')
    return [r.value, s.value.digest]
  }

  it('keeps the first row, skips an identical repeat and rejects a conflicting one', () => {
    const t = new DuplicateTracker()
    expect(t.check(...value(GOOD), 2, '合同编号')).toEqual({ kind: 'first' })
    // The same data written differently is the same loan.
    const sameData = GOOD.map((c, i) => (i === 4 ? '10000.00元' : i === 6 ? '2024-03-05' : c))
    expect(t.check(...value(sameData), 5, '合同编号')).toMatchObject({ kind: 'duplicate', firstRow: 2, error: { row: 5, column: '合同编号', code: 'IMPORT_DUPLICATE_ROW' } })
    const changed = GOOD.map((c, i) => (i === 4 ? '20000' : c))
    expect(t.check(...value(changed), 8, '合同编号')).toEqual({
      kind: 'conflict', firstRow: 2,
      error: {
        row: 8, column: '合同编号', code: 'IMPORT_DUPLICATE_CONFLICT',
        message: '合同编号 HT-1 已在第 2 行出现且内容不同；保留第 2 行，本行未导入',
        messageEn: 'Contract HT-1 already appears in row 2 with different data; row 2 was kept and this row was not imported',
      },
    })
    expect(t.check(...value(GOOD.map((c, i) => (i === 3 ? 'HT-9' : c))), 9, '合同编号')).toEqual({ kind: 'first' })
    expect(t.size).toBe(2)
  })
  it('keeps every contract of a long file apart, by lender, with the first row of each', () => {
    const t = new DuplicateTracker()
    const [base, digest] = value(GOOD)
    const as = (contractNo: string, lender: string): NormalizedRow => ({ ...base, lender: { ...base.lender, name: lender }, loan: { ...base.loan, contractNo } })
    // Past the tracker's first allocation (1,024 slots), contract numbers long enough to be views into a chunk.
    for (let i = 0; i < 3_000; i++) expect(t.check(as(`HT-2024-${String(i).padStart(10, '0')}`, '甲公司'), digest, i + 2, '合同编号')).toEqual({ kind: 'first' })
    expect(t.check(as('HT-2024-0000002999', '乙公司'), digest, 5_000, '合同编号')).toEqual({ kind: 'first' })
    expect(t.check(as('HT-2024-0000001500', '甲公司'), digest, 6_000, '合同编号')).toMatchObject({ kind: 'duplicate', firstRow: 1_502 })
    expect(t.check(as('HT-2024-0000000007', '甲公司'), 'x1:y2', 6_001, '合同编号')).toMatchObject({ kind: 'conflict', firstRow: 9 })
    expect(t.size).toBe(3_001)
  })
})

