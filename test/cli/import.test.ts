import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { readRows } from '../../electron/core/import/read-rows'
import { BATCH_ROWS } from '../../electron/core/import/run'
import { csvCells, csvText, HEADERS, logicalRows, tempDir, writeCsvVariants, writeXlsx } from '../unit/import/fixtures'

/**
 * `casedesk import` as a user runs it: the real entry point in a child process, the import job in its worker.
 * Each job's worker compiles the core with tsx first, which takes seconds on a loaded machine.
 */
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 })

interface Run { code: number; stdout: string; stderr: string }

/** Run the CLI without blocking the test process (several imports run side by side). */
function casedesk(args: string[], onStderr?: (text: string, kill: () => void) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'bin', 'casedesk.mjs'), ...args], { env: { ...process.env, CASEDESK_DATA_DIR: '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => {
      stderr += d
      onStderr?.(stderr, () => child.kill('SIGKILL'))
    })
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr }))
  })
}

const json = (r: Run) => {
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

/** Everything an import stores, without ids and timestamps, in a stable order. */
function storedData(dataDir: string) {
  const db = new BetterSqlite3(join(dataDir, 'casedesk.db'), { readonly: true })
  try {
    const q = (sql: string) => db.prepare(sql).all()
    return {
      lenders: q('SELECT name, credit_code, regime FROM lenders ORDER BY name'),
      borrowers: q(`SELECT b.name, b.id_number, b.sex, b.birth_date, (SELECT group_concat(phone) FROM borrower_phones p WHERE p.borrower_id = b.id) AS phones,
        (SELECT group_concat(kind || ':' || address, '|') FROM borrower_addresses a WHERE a.borrower_id = b.id) AS addresses FROM borrowers b ORDER BY id_number`),
      loans: q(`SELECT le.name AS lender, l.contract_no, l.contract_date, l.contract_amount_fen, l.disbursed_amount_fen, l.disbursement_date, l.maturity_date,
        l.repayment_method, l.rate_term, l.rate_overdue, l.penalty_rate, l.day_basis, b.id_number,
        f.rate_original, f.overdue_rate_original, f.repayment_method_original, f.due_date, f.instalments, f.principal_repaid_fen, f.interest_repaid_fen, f.days_past_due_reported, f.source_row,
        (SELECT group_concat(due_date || ':' || principal_fen) FROM schedule_items s WHERE s.loan_id = l.id) AS schedule,
        (SELECT group_concat(date || ':' || amount_fen || ':' || coalesce(principal_fen, '')) FROM repayments r WHERE r.loan_id = l.id) AS repayments,
        c.case_no, c.stage, c.opened_on, c.overdue_since, c.principal_outstanding_fen, c.repaid_fen
        FROM loans l JOIN lenders le ON le.id = l.lender_id JOIN borrowers b ON b.id = l.borrower_id JOIN import_loan_facts f ON f.loan_id = l.id
        JOIN case_loans cl ON cl.loan_id = l.id JOIN cases c ON c.id = cl.case_id ORDER BY l.contract_no`),
      search: q('SELECT case_no, borrower_name, id_number, phones, contract_nos FROM case_search ORDER BY case_no'),
      stages: q(`SELECT count(*) AS n, to_stage FROM stage_history GROUP BY to_stage`),
    }
  } finally {
    db.close()
  }
}

const N = 1000

describe('the same 1,000 rows as UTF-8, UTF-8 BOM, GBK CSV and XLSX', () => {
  const dir = tempDir()
  const rows = logicalRows(N)
  const dirs = { utf8: join(dir, 'd-utf8'), bom: join(dir, 'd-bom'), gbk: join(dir, 'd-gbk'), xlsx: join(dir, 'd-xlsx') }
  let files: Record<keyof typeof dirs, string>
  let reports: Record<string, any>

  beforeAll(async () => {
    const csv = writeCsvVariants(dir, rows)
    files = { ...csv, xlsx: join(dir, 'rows.xlsx') }
    await writeXlsx(files.xlsx, rows)
    const runs = await Promise.all((Object.keys(dirs) as (keyof typeof dirs)[]).map((k) =>
      casedesk(['--data-dir', dirs[k], 'import', files[k], ...(k === 'xlsx' ? ['--sheet', '逾期名单'] : []), '--json'])))
    reports = Object.fromEntries(Object.keys(dirs).map((k, i) => [k, json(runs[i])]))
  })

  it('imports every row and reports in the documented shape, progress on stderr', () => {
    for (const r of Object.values(reports)) expect(r).toEqual({ read: N, imported: N, updated: 0, unchanged: 0, rejected: [] })
  })

  it('stores identical data from every format, GBK names intact', () => {
    const utf8 = storedData(dirs.utf8)
    expect(utf8.loans).toHaveLength(N)
    expect(utf8.borrowers.map((b: any) => b.name)).toEqual([...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => r.name))
    expect(utf8.stages).toEqual([{ n: N, to_stage: 'new' }])
    expect(storedData(dirs.bom)).toEqual(utf8)
    expect(storedData(dirs.gbk)).toEqual(utf8)
    expect(storedData(dirs.xlsx)).toEqual(utf8)
  })

  it('re-importing the same file changes nothing and reports everything unchanged', async () => {
    const before = storedData(dirs.gbk)
    const again = json(await casedesk(['--data-dir', dirs.gbk, 'import', files.gbk, '--json']))
    expect(again).toEqual({ read: N, imported: 0, updated: 0, unchanged: N, rejected: [] })
    expect(storedData(dirs.gbk)).toEqual(before)
  })
})

describe('rejected rows', () => {
  it('are reported with row, column, code and message, exported with an error column, and import once fixed', async () => {
    const dir = tempDir()
    const cells = logicalRows(20).map(csvCells)
    cells[3][1] = '11010519491231002Y' // bad ID number
    cells[8][7] = '一万块' // bad amount
    const file = join(dir, 'list.csv')
    writeFileSync(file, csvText(HEADERS, cells))
    const data = join(dir, 'data')
    const rejectedCsv = join(dir, 'rejected.csv')
    const first = json(await casedesk(['--data-dir', data, 'import', file, '--rejected-out', rejectedCsv, '--json']))
    expect(first).toMatchObject({ read: 20, imported: 18, updated: 0, unchanged: 0 })
    expect(first.rejected).toEqual([
      { row: 5, column: '身份证号', code: expect.stringMatching(/^IMPORT_ID/), message: expect.stringMatching(/身份证/) },
      { row: 10, column: '借款金额（元）', code: expect.stringMatching(/^IMPORT_AMOUNT/), message: expect.any(String) },
    ])
    const back: string[][] = []
    for await (const r of readRows(rejectedCsv)) back.push(r.cells)
    expect(back.map((r) => r.at(-1))).toEqual(['5', '10'])
    expect(back[0].at(-2)).toMatch(/^身份证号：/)
    // The user fixes the two rows in Excel and imports the rejected file as it is (错误 and 原行号 map to nothing).
    back[0][1] = logicalRows(20)[3].id
    back[1][7] = csvCells(logicalRows(20)[8], 8)[7]
    writeFileSync(rejectedCsv, csvText([...HEADERS, '错误', '原行号'], back))
    const fixed = json(await casedesk(['--data-dir', data, 'import', rejectedCsv, '--json']))
    expect(fixed).toEqual({ read: 2, imported: 2, updated: 0, unchanged: 0, rejected: [] })
  })

  it('usage and file errors exit 2 and 1 with zh + en messages', async () => {
    const dir = tempDir()
    const usage = await casedesk(['--data-dir', dir, 'import', 'x.csv', '--regime', 'licensed'])
    expect(usage.code).toBe(2)
    const missing = await casedesk(['--data-dir', dir, 'import', join(dir, 'nope.csv')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/找不到文件[\s\S]*File not found/)
    const noLender = join(dir, 'no-lender.csv')
    writeFileSync(noLender, csvText(HEADERS.filter((h) => h !== '出借人'), []))
    const needs = await casedesk(['--data-dir', dir, 'import', noLender, '--json'])
    expect(needs.code).toBe(1)
    expect(needs.stderr).toMatch(/IMPORT_MAPPING_INCOMPLETE[\s\S]*出借人[\s\S]*Lender/)
    const tpl = await casedesk(['--data-dir', dir, 'import', 'template', '--out', join(dir, 't.xlsx'), '--json'])
    expect(json(tpl).file).toBe(join(dir, 't.xlsx'))
    expect(readFileSync(join(dir, 't.xlsx')).subarray(0, 2).toString()).toBe('PK')
  })
})

describe('crash safety', () => {
  it('killed mid-import leaves only whole rows (db check clean), and re-running completes the rest', async () => {
    const dir = tempDir()
    const M = 20_000
    const file = join(dir, 'big.csv')
    writeFileSync(file, csvText(HEADERS, logicalRows(M).map(csvCells)))
    const data = join(dir, 'data')
    const killed = await casedesk(['--data-dir', data, 'import', file, '--json'], (err, kill) => {
      const m = [...err.matchAll(/已读 (\d+)/g)].at(-1)
      if (m && Number(m[1]) >= 3000) kill()
    })
    expect(killed.code).toBe(-1)
    expect(killed.stdout).toBe('')

    const check = await casedesk(['--data-dir', data, 'db', 'check', '--json'])
    expect(json(check).ok).toBe(true)
    const db = new BetterSqlite3(join(data, 'casedesk.db'), { readonly: true })
    const n = (sql: string) => db.prepare(sql).pluck().get() as number
    const loans = n('SELECT count(*) FROM loans')
    expect(loans).toBeGreaterThanOrEqual(3000)
    expect(loans).toBeLessThan(M)
    expect(loans % BATCH_ROWS).toBe(0) // whole batches only
    expect(n('SELECT count(*) FROM loans WHERE id NOT IN (SELECT loan_id FROM case_loans)')).toBe(0)
    expect(n('SELECT count(*) FROM cases WHERE id NOT IN (SELECT case_id FROM case_loans)')).toBe(0)
    expect(n('SELECT count(*) FROM borrowers WHERE id NOT IN (SELECT borrower_id FROM loans)')).toBe(0)
    expect(n('SELECT count(*) FROM cases WHERE id NOT IN (SELECT case_id FROM case_search)')).toBe(0)
    expect(n('SELECT count(*) FROM import_loan_facts')).toBe(loans)
    expect(n(`SELECT count(*) FROM import_runs WHERE status = 'running'`)).toBe(1)
    db.close()

    const rerun = json(await casedesk(['--data-dir', data, 'import', file, '--json']))
    expect(rerun).toEqual({ read: M, imported: M - loans, updated: 0, unchanged: loans, rejected: [] })
    expect(json(await casedesk(['--data-dir', data, 'db', 'check', '--json'])).ok).toBe(true)
  })
})
