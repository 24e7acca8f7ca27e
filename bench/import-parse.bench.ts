import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuplicateTracker } from '../electron/core/import/duplicates'
import { proposeMapping, resolveMapping } from '../electron/core/import/mapping'
import { readHeader, readRows, type ReadOptions } from '../electron/core/import/read-rows'
import { toStoredRow } from '../electron/core/import/store-row'
import { validateRow } from '../electron/core/import/validate-row'
import { writeImportFixtures } from './import-fixture'
import type { BenchResult } from './types'

/**
 * Bulk-import parsing without the DB: read + normalise + validate + what each row stores (digest included) +
 * in-file duplicate check of 100,000 rows, from UTF-8 CSV, GBK CSV and XLSX. The anchor is reading alone (no
 * normalising), so the ratio shows what validation costs on top of I/O and parsing. Peak RSS here includes the
 * fixtures' set-up; bench/import.bench.ts measures the import's own peak in a process of its own.
 */
const N = Number(process.env.IMPORT_BENCH_ROWS ?? 100_000)

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
      const s = v.ok ? toStoredRow(v.value, r.rowNumber, defaults.today, defaults.dayBasis, () => '') : null
      if (v.ok && s?.ok && dups.check(v.value, s.value.digest, r.rowNumber, '合同编号').kind === 'first') ok++
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
    const files = await writeImportFixtures(dir, { n: N, formats: ['csv', 'csv-gbk', 'xlsx'] })
    const utf8 = files.csv
    const gbk = files['csv-gbk']
    const xlsx = files.xlsx

    const results: BenchResult[] = []
    for (const [name, path, runs] of [['csv-utf8', utf8, 3], ['csv-gbk', gbk, 3], ['xlsx', xlsx, 1]] as const) {
      const full = [] as Array<{ ms: number; peakRssMb: number }>
      for (let i = 0; i < runs; i++) full.push(await run(path, {}, true))
      const readOnly = await run(path, {}, false)
      const ms = median(full.map((r) => r.ms))
      results.push({
        name: `import-parse ${name}: read + normalise + validate + stored form + dedupe (no DB)`,
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
