import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { DuplicateTracker } from '../electron/core/import/duplicates'
import { proposeMapping, resolveMapping } from '../electron/core/import/mapping'
import { readHeader, readRows, type ReadOptions } from '../electron/core/import/read-rows'
import { validateRow } from '../electron/core/import/validate-row'
import { idCheckChar } from '../electron/core/law/id-number'
import type { BenchResult } from './types'

/**
 * Bulk-import parsing without the DB: read + normalise + validate + in-file duplicate check of
 * 100,000 rows, from UTF-8 CSV, GBK CSV and XLSX. The anchor is reading alone (no normalising),
 * so the ratio shows what validation costs on top of I/O and parsing.
 */
const N = 100_000
const HEADERS = ['借款人姓名', '身份证号', '手机号', '户籍地址', '合同编号', '借款金额', '实际放款金额', '放款日期', '到期日', '期数', '年利率', '逾期利率', '已还本金', '已还利息', '逾期天数', '还款方式']

function row(i: number): string[] {
  const body = `110105${1960 + (i % 40)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`
  const amount = 1000 + (i % 50_000)
  const m = (i % 12) + 1
  return [
    `张${String.fromCharCode(0x4e00 + (i % 20_000))}${String.fromCharCode(0x4e00 + ((i * 7) % 20_000))}`, body + idCheckChar(body), `138${String(i).padStart(8, '0')}`,
    `北京市朝阳区某某路${i}号`, `HT${String(i).padStart(9, '0')}`, `¥${amount.toLocaleString('en-US')}.50`, `${amount}.50`,
    `2023年${m}月${(i % 28) + 1}日`, `2024/${m}/${(i % 28) + 1}`, '12期', ['18%', '月息1.5分', '0.24', '日息万分之五'][i % 4], '24%',
    '100.00', '12.34', String(i % 365), '等额本息',
  ]
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

async function run(path: string, opts: ReadOptions, validate: boolean) {
  let peakRss = process.memoryUsage().rss
  const start = performance.now()
  const { headers } = await readHeader(path, opts)
  const mapping = resolveMapping(proposeMapping(headers), headers, true)
  const defaults = { lenderName: '示例小贷', dayBasis: 360 as const, today: '2026-11-28' }
  const dups = new DuplicateTracker()
  let ok = 0
  let n = 0
  for await (const r of readRows(path, opts)) {
    n++
    if (validate) {
      const v = validateRow(r, mapping, defaults)
      if (v.ok && dups.check(v.value, r.rowNumber, '合同编号').kind === 'first') ok++
    }
    if ((n & 4095) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss)
  }
  const ms = performance.now() - start
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  if (validate && ok !== N) throw new Error(`expected ${N} valid rows, got ${ok}`)
  if (n !== N) throw new Error(`expected ${N} rows, read ${n}`)
  return { ms, peakRssMb: Math.round(peakRss / 1048576) }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export default async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'casedesk-import-bench-'))
  try {
    // Written in slices and never held whole, so the first measured run does not inherit the set-up's garbage.
    const utf8 = join(dir, 'rows.csv')
    const gbk = join(dir, 'rows-gbk.csv')
    const line = (r: string[]) => r.map(csvField).join(',') + '\r\n'
    writeFileSync(utf8, line(HEADERS))
    writeFileSync(gbk, iconv.encode(line(HEADERS), 'gbk'))
    const xlsx = join(dir, 'rows.xlsx')
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true })
    const ws = wb.addWorksheet('rows')
    ws.addRow(HEADERS).commit()
    for (let start = 0; start < N; start += 10_000) {
      let text = ''
      for (let i = start; i < start + 10_000; i++) {
        const r = row(i)
        text += line(r)
        ws.addRow(r).commit()
      }
      appendFileSync(utf8, text)
      appendFileSync(gbk, iconv.encode(text.replace(/¥/g, '￥'), 'gbk'))
    }
    ws.commit()
    await wb.commit()

    const results: BenchResult[] = []
    for (const [name, path, runs] of [['csv-utf8', utf8, 3], ['csv-gbk', gbk, 3], ['xlsx', xlsx, 1]] as const) {
      const full = [] as Array<{ ms: number; peakRssMb: number }>
      for (let i = 0; i < runs; i++) full.push(await run(path, {}, true))
      const readOnly = await run(path, {}, false)
      const ms = median(full.map((r) => r.ms))
      results.push({
        name: `import-parse ${name}: read + normalise + validate + dedupe (no DB)`,
        n: N,
        medianMs: Math.round(ms),
        throughputPerSec: Math.round((N / ms) * 1000),
        target: 'CSV end to end (incl. DB) ≥ 50,000 rows/s, ≤ 300 MB peak',
        anchor: { name: 'reading only (no normalising)', medianMs: Math.round(readOnly.ms), ratio: Number((ms / readOnly.ms).toFixed(2)) },
        extra: { peakRssMb: Math.max(...full.map((r) => r.peakRssMb)), runs },
      })
    }
    return results
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
