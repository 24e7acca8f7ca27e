import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { proposeMapping, resolveMapping } from '../../../electron/core/import/mapping'
import { readHeader, readRows } from '../../../electron/core/import/read-rows'
import { writeRejectedCsv, writeRejectedXlsx, type RejectedRow } from '../../../electron/core/import/rejected-export'
import { writeImportTemplate, TEMPLATE_EXAMPLE } from '../../../electron/core/import/template'
import type { ReadRow } from '../../../electron/core/import/types'
import { validateRow } from '../../../electron/core/import/validate-row'
import { csvText, tempDir } from './fixtures'

const defaults = { lenderName: '示例小贷', dayBasis: 360 as const, today: '2026-11-28' }
const HEADERS = ['借款人姓名', '身份证号', '合同编号', '借款金额', '备注']
const ROWS = [
  ['张三', '11010519491231002X', 'HT-1', '1000', 'ok'],
  ['李四', '110105194912310021', 'HT-2', '1,000.00', '地址含,逗号和"引号"\n以及换行'],
  ['王五', '11010519491231002X', 'HT-3', '-5', ''],
  ['赵六', '00123', '007', '1.005', '  前后空格  '],
]

async function importFile(path: string) {
  const { headers } = await readHeader(path)
  const mapping = resolveMapping(proposeMapping(headers), headers, true)
  const accepted: string[] = []
  const rejected: RejectedRow[] = []
  for await (const row of readRows(path)) {
    const r = validateRow(row, mapping, defaults)
    if (r.ok) accepted.push(r.value.loan.contractNo)
    else rejected.push({ rowNumber: row.rowNumber, cells: row.cells, errors: r.errors })
  }
  return { headers, accepted, rejected }
}

async function readBack(path: string) {
  const rows: ReadRow[] = []
  for await (const r of readRows(path)) rows.push(r)
  return { header: (await readHeader(path)).headers, rows }
}

describe('rejected-rows export round trip', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: rejected rows come back cell for cell with 错误 and 原行号, and import once fixed`, async () => {
      const dir = tempDir()
      const source = join(dir, 'source.csv')
      writeFileSync(source, csvText(HEADERS, ROWS))
      const first = await importFile(source)
      expect(first.accepted).toEqual(['HT-1'])
      expect(first.rejected.map((r) => r.rowNumber)).toEqual([3, 4, 5])

      const out = join(dir, `rejected.${format}`)
      const n = format === 'csv' ? await writeRejectedCsv(out, first.headers, first.rejected) : await writeRejectedXlsx(out, first.headers, first.rejected)
      expect(n).toBe(3)
      if (format === 'csv') expect([...readFileSync(out).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])

      const back = await readBack(out)
      expect(back.header).toEqual([...HEADERS, '错误', '原行号'])
      expect(back.rows.map((r) => r.cells.slice(0, HEADERS.length))).toEqual(ROWS.slice(1))
      expect(back.rows.map((r) => r.cells[HEADERS.length + 1])).toEqual(['3', '4', '5'])
      expect(back.rows[0].cells[HEADERS.length]).toBe('身份证号：身份证号“110105194912310021”校验位错误')
      expect(back.rows[2].cells[HEADERS.length]).toBe('身份证号：身份证号“00123”应为 18 位；借款金额：金额“1.005”精确到分以下，请核对')

      // The user fixes the cells in Excel; the file imports as it is, the two extra columns ignored.
      const fixedRows = back.rows.map((r, i) => {
        const cells = [...r.cells]
        cells[1] = '11010519491231002X'
        cells[3] = ['1000', '5', '1.01'][i]
        return cells
      })
      const fixed = join(dir, 'fixed.csv')
      writeFileSync(fixed, '\uFEFF' + csvText(back.header, fixedRows))
      const second = await importFile(fixed)
      expect(second.rejected).toEqual([])
      expect(second.accepted).toEqual(['HT-2', 'HT-3', '007'])
    })
  }
})

describe('writeImportTemplate', () => {
  it('writes the canonical headers and an example row that imports cleanly', async () => {
    const path = join(tempDir(), 'template.xlsx')
    await writeImportTemplate(path)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(path)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['导入模板', '填写说明'])
    expect(wb.worksheets[0].getCell('B1').value).toBe('身份证号*')
    expect(wb.worksheets[0].getCell('B2').numFmt).toBe('@')

    const { headers } = await readHeader(path)
    const proposed = proposeMapping(headers)
    expect(Object.keys(proposed.columns)).toHaveLength(Object.keys(TEMPLATE_EXAMPLE).length)
    const mapping = resolveMapping(proposed, headers, false)
    const rows: ReadRow[] = []
    for await (const r of readRows(path)) rows.push(r)
    expect(rows).toHaveLength(1)
    const r = validateRow(rows[0], mapping, { dayBasis: 360, today: '2026-11-28' })
    expect(r).toMatchObject({
      ok: true,
      value: {
        borrower: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
        lender: { name: '示例小额贷款有限公司', creditCode: '91350100M000100Y43' },
        loan: { contractNo: 'HT-2024-000001', contractAmountFen: 1_000_000, rateAnnual: '0.18', overdueRateAnnual: '0.24', principalRepaidFen: 250_000, daysPastDue: 90, instalments: 12 },
      },
    })
  })
})
