import { CANONICAL_FIELDS, FIELD_SPECS, type CanonicalField } from './fields'
import { REQUIRED_FIELDS } from './mapping'

/**
 * The example row. Its ID number and credit code pass their check digits, so importing the
 * untouched template gives one valid row (a quick way for a user to see the whole flow work).
 */
export const TEMPLATE_EXAMPLE: Record<CanonicalField, string> = {
  borrowerName: '张三',
  idNumber: '11010519491231002X',
  phone: '13800138000',
  address: '北京市朝阳区示例路1号',
  lenderName: '示例小额贷款有限公司',
  lenderCreditCode: '91350100M000100Y43',
  contractNo: 'HT-2024-000001',
  contractDate: '2024-03-01',
  contractAmount: '10000.00',
  disbursedAmount: '10000.00',
  disbursementDate: '2024-03-05',
  dueDate: '2025-03-05',
  instalments: '12',
  rate: '18%',
  overdueRate: '24%',
  penaltyRate: '',
  fees: '0',
  principalRepaid: '2500.00',
  interestRepaid: '450.00',
  daysPastDue: '90',
  repaymentMethod: '等额本息',
}

/** Header text in the template: the canonical Chinese name, with * on required fields. */
export const templateHeader = (field: CanonicalField) => (REQUIRED_FIELDS.includes(field) ? `${FIELD_SPECS[field].zh}*` : FIELD_SPECS[field].zh)

/**
 * Write the import template: one sheet with the canonical Chinese headers (proposeMapping maps each
 * of them back to its field) and one example row; every column is formatted as text so Excel keeps
 * the 18 digits of ID numbers and the leading zeros of contract numbers. A second sheet explains the formats.
 */
export async function writeImportTemplate(path: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs') // loaded when the template is written, not at start
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('导入模板')
  ws.columns = CANONICAL_FIELDS.map((f) => ({ header: templateHeader(f), key: f, width: Math.max(12, FIELD_SPECS[f].zh.length * 2 + 4), style: { numFmt: '@' } }))
  ws.getRow(1).font = { bold: true }
  ws.addRow(CANONICAL_FIELDS.map((f) => TEMPLATE_EXAMPLE[f]))
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  const help = wb.addWorksheet('填写说明')
  help.columns = [{ header: '列', width: 24 }, { header: '说明', width: 80 }]
  help.getRow(1).font = { bold: true }
  const notes: Array<[string, string]> = [
    ['带 * 的列', '必填。没有“出借人”列时，导入时需指定出借人。'],
    ['日期', '2024-03-05、2024/3/5、2024年3月5日、20240305 或 Excel 日期均可。'],
    ['金额', '单位为元，可带 ¥、千分位逗号、“元”；“万元”请写明，如 1.5万元。'],
    ['利率', '如 18%、0.18、月息1.5分、日息万分之五、年化24%；未注明周期的按列名（年/月/日利率）理解。'],
    ['身份证号', '18 位，末位可为 X；请保持本列为文本格式。'],
    ['还款方式', '等额本息、等额本金、先息后本、到期一次性还本付息 或其他。'],
  ]
  for (const n of notes) help.addRow(n)
  await wb.xlsx.writeFile(path)
}
