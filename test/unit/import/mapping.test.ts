import { describe, expect, it } from 'vitest'
import { mappingSchema, proposeMapping, resolveMapping } from '../../../electron/core/import/mapping'

describe('proposeMapping', () => {
  it('maps Chinese export headers, with units and rate periods read from the header', () => {
    const headers = ['客户名称', '证件号码', '联系电话', '合同号', '借款金额(万元)', '实际放款金额', '放款日期', '到期日', '日利率(%)', '逾期天数', '已还本金', '备注']
    expect(proposeMapping(headers)).toEqual({
      version: 1,
      columns: {
        borrowerName: { header: '客户名称' },
        idNumber: { header: '证件号码' },
        phone: { header: '联系电话' },
        contractNo: { header: '合同号' },
        contractAmount: { header: '借款金额(万元)', unit: 'wan' },
        disbursedAmount: { header: '实际放款金额' },
        disbursementDate: { header: '放款日期' },
        dueDate: { header: '到期日' },
        rate: { header: '日利率(%)', rateKind: 'daily', unit: 'percent' },
        daysPastDue: { header: '逾期天数' },
        principalRepaid: { header: '已还本金' },
      },
    })
  })

  it('maps English headers case- and space-insensitively', () => {
    const m = proposeMapping(['Borrower Name', 'ID No', 'Mobile', 'Contract No', 'Loan Amount', 'Monthly Rate', 'Lender'])
    expect(m.columns).toMatchObject({
      borrowerName: { header: 'Borrower Name' }, idNumber: { header: 'ID No' }, phone: { header: 'Mobile' },
      contractNo: { header: 'Contract No' }, contractAmount: { header: 'Loan Amount' }, rate: { header: 'Monthly Rate', rateKind: 'monthly' }, lenderName: { header: 'Lender' },
    })
  })

  it('prefers the most specific synonym and never gives one column to two fields', () => {
    const m = proposeMapping(['日利率', '年利率', '姓名', '借款人姓名', '本金', '已还本金'])
    expect(m.columns.rate).toEqual({ header: '年利率', rateKind: 'annual' })
    expect(m.columns.borrowerName).toEqual({ header: '借款人姓名' })
    expect(m.columns.contractAmount).toEqual({ header: '本金' })
    expect(m.columns.principalRepaid).toEqual({ header: '已还本金' })
  })

  it('falls back to headers that contain a synonym', () => {
    expect(proposeMapping(['客户身份证号码', '借款人手机号码']).columns).toEqual({ idNumber: { header: '客户身份证号码' }, phone: { header: '借款人手机号码' } })
  })
})

describe('mappingSchema and resolveMapping', () => {
  const headers = ['姓名', '身份证号', '合同编号', '借款金额', '出借人']

  it('validates saved mappings', () => {
    const saved = { version: 1, name: '某平台格式', columns: { borrowerName: { header: '姓名' }, rate: { header: '利率', rateKind: 'monthly' } } }
    expect(mappingSchema.parse(saved)).toEqual(saved)
    expect(mappingSchema.safeParse({ version: 1, columns: { nosuchfield: { header: 'x' } } }).success).toBe(false)
    expect(mappingSchema.safeParse({ version: 1, columns: { rate: { header: '利率', rateKind: 'weekly' } } }).success).toBe(false)
    expect(mappingSchema.safeParse({ version: 2, columns: {} }).success).toBe(false)
  })

  it('binds fields to column indexes', () => {
    expect(resolveMapping(proposeMapping(headers), headers, false).index).toEqual({ borrowerName: 0, idNumber: 1, contractNo: 2, contractAmount: 3, lenderName: 4 })
  })

  it('names what is missing: required fields, the lender (unless given by the import) and headers not in the file', () => {
    const noLender = headers.slice(0, 4)
    expect(() => resolveMapping(proposeMapping(noLender), noLender, false)).toThrow(expect.objectContaining({ code: 'IMPORT_MAPPING_INCOMPLETE', message: '列对应不完整，缺少：出借人' }))
    expect(resolveMapping(proposeMapping(noLender), noLender, true).index.lenderName).toBeUndefined()
    const saved = { version: 1 as const, columns: { ...proposeMapping(headers).columns, phone: { header: '手机' } } }
    expect(() => resolveMapping(saved, headers, false)).toThrow(expect.objectContaining({ details: { missingFields: [], missingHeaders: ['手机'] } }))
    expect(() => resolveMapping(proposeMapping(['姓名']), ['姓名'], true)).toThrow(expect.objectContaining({ details: { missingFields: ['idNumber', 'contractNo', 'contractAmount'], missingHeaders: [] } }))
  })
})
