import { appendFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { idCheckChar } from '../electron/core/law/id-number'

/**
 * The bulk-import benchmarks' rows (bench/import.bench.ts, bench/import-parse.bench.ts), written to disk as
 * UTF-8 CSV, GBK CSV and XLSX. Every row is valid and spells dates, amounts and rates the ways lenders'
 * exports do. Rows `first … first + n − 1` hold n/2 borrowers with two loans each (one borrower is one
 * person: the same name, ID number, phone and address on both rows), so a second file with a different
 * `first` holds other borrowers and other contracts.
 */
export const IMPORT_BENCH_HEADERS = ['借款人姓名', '身份证号', '手机号', '户籍地址', '合同编号', '借款金额', '实际放款金额', '放款日期', '到期日', '期数', '年利率', '逾期利率', '已还本金', '已还利息', '逾期天数', '还款方式']

const AREAS = ['110105', '310104', '440305', '330106', '510107', '320102', '420106', '610113']

/** A valid ID number for borrower b (distinct for b < 8 × 40 × 12 × 28 × 1000). */
function idNumber(b: number): string {
  const seq = b % 1000
  const day = Math.floor(b / 1000) % 28
  const month = Math.floor(b / 28_000) % 12
  const year = Math.floor(b / 336_000) % 40
  const area = AREAS[Math.floor(b / 13_440_000) % AREAS.length]
  const body = `${area}${1960 + year}${String(month + 1).padStart(2, '0')}${String(day + 1).padStart(2, '0')}${String(seq).padStart(3, '0')}`
  return body + idCheckChar(body)
}

/** Row `i` (0-based, counted from the file's `first`) of a file of `n` rows. */
export function importBenchRow(first: number, n: number, i: number): string[] {
  const half = Math.ceil(n / 2)
  const b = Math.floor(first / 2) + (i % half)
  const g = first + i
  const amount = 1000 + (g % 50_000)
  const m = (g % 12) + 1
  return [
    `张${String.fromCharCode(0x4e00 + (b % 20_000))}${String.fromCharCode(0x4e00 + ((b * 7) % 20_000))}`, idNumber(b), `138${String(b).padStart(8, '0')}`,
    `北京市朝阳区某某路${b}号`, `HT${String(g).padStart(9, '0')}`, `￥${amount.toLocaleString('en-US')}.50`, `${amount}.50`,
    `2023年${m}月${(g % 28) + 1}日`, `2024/${m}/${(g % 28) + 1}`, '12期', ['18%', '月息1.5分', '0.24', '日息万分之五'][g % 4], '24%',
    '100.00', '12.34', String(g % 365), '等额本息',
  ]
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
const csvLine = (cells: string[]) => cells.map(csvField).join(',') + '\r\n'

export type FixtureFormat = 'csv' | 'csv-gbk' | 'xlsx'

/**
 * Write rows `first … first + n − 1` to `dir` in each of `formats`; returns the paths. Written in slices and
 * never held whole (ExcelJS's shared-strings table excepted), so run the measured import in another process
 * when its peak memory matters.
 */
export async function writeImportFixtures(dir: string, opts: { n: number; first?: number; formats: FixtureFormat[]; name?: string }): Promise<Record<FixtureFormat, string>> {
  const first = opts.first ?? 0
  const base = opts.name ?? `rows-${first}`
  const paths = { csv: join(dir, `${base}.csv`), 'csv-gbk': join(dir, `${base}-gbk.csv`), xlsx: join(dir, `${base}.xlsx`) }
  const want = new Set(opts.formats)
  const header = csvLine(IMPORT_BENCH_HEADERS)
  if (want.has('csv')) writeFileSync(paths.csv, header)
  if (want.has('csv-gbk')) writeFileSync(paths['csv-gbk'], iconv.encode(header, 'gbk'))
  const wb = want.has('xlsx') ? new ExcelJS.stream.xlsx.WorkbookWriter({ filename: paths.xlsx, useSharedStrings: true }) : null
  const ws = wb?.addWorksheet('rows')
  ws?.addRow(IMPORT_BENCH_HEADERS).commit()
  for (let start = 0; start < opts.n; start += 10_000) {
    let text = ''
    for (let i = start; i < Math.min(opts.n, start + 10_000); i++) {
      const r = importBenchRow(first, opts.n, i)
      text += csvLine(r)
      ws?.addRow(r).commit()
    }
    if (want.has('csv')) appendFileSync(paths.csv, text)
    if (want.has('csv-gbk')) appendFileSync(paths['csv-gbk'], iconv.encode(text, 'gbk'))
  }
  if (ws && wb) {
    ws.commit()
    await wb.commit()
  }
  return paths
}
