import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { idCheckChar } from '../../../electron/core/law/id-number'

/** Test fixtures are generated, never committed: the same logical rows written as UTF-8, UTF-8 BOM, GBK CSV and XLSX. */
export const HEADERS = [
  '借款人姓名', '身份证号', '手机号', '户籍地址', '出借人', '合同编号', '合同签订日期', '借款金额（元）', '实际放款金额',
  '放款日期', '到期日', '期数', '年利率', '逾期利率', '已还本金', '已还利息', '逾期天数', '还款方式',
]

// GBK-representable names, incl. rarer characters and the middle dot of transliterated names.
const NAMES = ['张三', '李四', '王五', '欧阳娜娜', '司马懿', '喆喆', '赟', '犇犇', '淼', '堃', '买买提·艾力', '钱锺书', '龔', '啰嗦', '𠀀']
const AREAS = ['110105', '310104', '440305', '330106', '510107']
const METHODS = ['等额本息', '等额本金', '先息后本', '到期一次性还本付息']

export function idNumber(i: number): string {
  const y = 1960 + (i % 40)
  const m = String((i % 12) + 1).padStart(2, '0')
  const d = String((i % 28) + 1).padStart(2, '0')
  const body = `${AREAS[i % AREAS.length]}${y}${m}${d}${String(i % 1000).padStart(3, '0')}`
  return body + idCheckChar(body)
}

export interface LogicalRow {
  name: string; id: string; phone: string; address: string; lender: string; contractNo: string
  contractDate: string; amountFen: number; disbursedFen: number; disbursementDate: string; dueDate: string
  instalments: number; rateText: string; overdueText: string; principalRepaidFen: number; interestRepaidFen: number
  daysPastDue: number; method: string
}

const iso = (dayOffset: number) => new Date(Date.UTC(2021, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10)

/** Deterministic rows; `gbkSafe` avoids characters outside GBK (the 𠀀 name is only for UTF-8 files). */
export function logicalRows(n: number, gbkSafe = true): LogicalRow[] {
  const names = gbkSafe ? NAMES.slice(0, -1) : NAMES
  return Array.from({ length: n }, (_, i) => {
    const amountFen = 100_000 + ((i * 7919) % 5_000_000) * 100 + (i % 100)
    const disbursementDate = iso(i % 900)
    return {
      name: names[i % names.length] + (i >= names.length ? String.fromCharCode(0x4e00 + (i % 500)) : ''),
      id: idNumber(i),
      phone: `13${String(800000000 + i).padStart(9, '0')}`,
      address: i % 7 === 0 ? `北京市朝阳区"望京"${i}号,2单元\n301室` : `上海市浦东新区世纪大道${i}号`,
      lender: i % 2 ? '示例小额贷款有限公司' : '某某消费金融股份有限公司',
      contractNo: `HT${String(i).padStart(8, '0')}`,
      contractDate: disbursementDate,
      amountFen,
      disbursedFen: i % 5 === 0 ? amountFen - 50_000 : amountFen,
      disbursementDate,
      dueDate: iso((i % 900) + 365),
      instalments: [3, 6, 12, 24][i % 4],
      rateText: ['18%', '24%', '15.4%', '7.2%'][i % 4],
      overdueText: ['24%', '0.36', '36%', '18%'][i % 4],
      principalRepaidFen: (i % 3) * 10_000,
      interestRepaidFen: (i % 4) * 1_234,
      daysPastDue: i % 365,
      method: METHODS[i % METHODS.length],
    }
  })
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
const withCommas = (fen: number) => Math.floor(fen / 100).toLocaleString('en-US') + yuan(fen).slice(-3)

/** The CSV spelling varies row by row: every date and amount format a lender's export might use. */
export function csvCells(r: LogicalRow, i: number): string[] {
  const [y, m, d] = r.disbursementDate.split('-')
  const dateForms = [r.disbursementDate, `${y}/${+m}/${+d}`, `${y}年${+m}月${+d}日`, `${y}${m}${d}`, `${y}.${+m}.${+d}`]
  const amountForms = [yuan(r.amountFen), `￥${withCommas(r.amountFen)}`, `${withCommas(r.amountFen)}元`, `人民币${yuan(r.amountFen)}元`]
  return [
    r.name, r.id, i % 3 === 0 ? `+86 ${r.phone.slice(0, 3)}-${r.phone.slice(3, 7)}-${r.phone.slice(7)}` : r.phone, r.address, r.lender, r.contractNo,
    r.contractDate, amountForms[i % amountForms.length], yuan(r.disbursedFen), dateForms[i % dateForms.length], r.dueDate,
    `${r.instalments}期`, r.rateText, r.overdueText, yuan(r.principalRepaidFen), yuan(r.interestRepaidFen), String(r.daysPastDue), r.method,
  ]
}

export function csvText(header: string[], rows: string[][], delimiter = ','): string {
  const field = (s: string) => (/[",\r\n;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  return [header, ...rows].map((r) => r.map(field).join(delimiter)).join('\r\n') + '\r\n'
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'casedesk-import-'))

export function writeCsvVariants(dir: string, rows: LogicalRow[]) {
  const text = csvText(HEADERS, rows.map(csvCells))
  const paths = { utf8: join(dir, 'utf8.csv'), bom: join(dir, 'bom.csv'), gbk: join(dir, 'gbk.csv') }
  writeFileSync(paths.utf8, text, 'utf8')
  writeFileSync(paths.bom, '\uFEFF' + text, 'utf8')
  writeFileSync(paths.gbk, iconv.encode(text, 'gbk'))
  return paths
}

/** XLSX with native cell types: numbers for money, real dates, a percent-formatted rate and formulas with cached results. */
export async function writeXlsx(path: string, rows: LogicalRow[]): Promise<void> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('说明').addRow(['这一页不是数据'])
  const ws = wb.addWorksheet('逾期名单')
  ws.addRow(HEADERS)
  const date = (s: string) => new Date(`${s}T00:00:00Z`)
  rows.forEach((r, i) => {
    const row = ws.addRow([
      r.name, r.id, Number(r.phone), r.address, r.lender, r.contractNo, date(r.contractDate), r.amountFen / 100,
      // the disbursed amount as a formula whose cached result is the value: read, never evaluated
      { formula: `H${i + 2}-0`, result: r.disbursedFen / 100 },
      date(r.disbursementDate), date(r.dueDate), r.instalments, Number(r.rateText.replace('%', '')) / 100, r.overdueText,
      r.principalRepaidFen / 100, r.interestRepaidFen / 100, r.daysPastDue, r.method,
    ])
    row.getCell(13).numFmt = '0.00%'
  })
  await wb.xlsx.writeFile(path)
}
