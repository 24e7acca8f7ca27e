import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, expect, it } from 'vitest'
import { casedesk } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

/** `casedesk report portfolio|client` and `casedesk export cases` over a seeded store, as a user runs them. */
let dir: string
beforeAll(() => {
  dir = tempDir()
  const r = casedesk('seed', '--cases', '150', '--seed', '4', '--data-dir', dir, '--json')
  expect(r.code, r.stderr).toBe(0)
}, 120_000)

it('report portfolio --json: aging keyed M1 … M6+, each lender with its lenderId, counts adding up', () => {
  const r = casedesk('report', 'portfolio', '--data-dir', dir, '--json')
  expect(r.code, r.stderr).toBe(0)
  const d = r.json()
  expect(Object.keys(d.aging)).toEqual(['M1', 'M2', 'M3', 'M4-M6', 'M6+'])
  const aged = Object.values(d.aging as Record<string, { count: number }>).reduce((n, b) => n + b.count, 0)
  expect(aged + d.current.count).toBe(d.totals.openCases)
  expect(d.totals.openCases + d.totals.closedCases).toBe(150)
  expect(d.lenders.length).toBeGreaterThan(0)
  for (const l of d.lenders) expect(l.lenderId).toMatch(/^[0-9A-Z]{26}$/)
  expect(d.lenders.reduce((n: number, l: { openCases: number }) => n + l.openCases, 0)).toBe(d.totals.openCases)
  const one = casedesk('report', 'portfolio', '--lender', d.lenders[0].lenderId, '--data-dir', dir, '--json').json()
  expect(one.totals.openCases).toBe(d.lenders[0].openCases)
}, 120_000)

it('export cases without filters: every case, one row each; with --stage only that stage', async () => {
  const out = join(tempDir(), 'all.csv')
  const r = casedesk('export', 'cases', '--format', 'csv', '--out', out, '--data-dir', dir, '--json')
  expect(r.code, r.stderr).toBe(0)
  expect(r.json()).toMatchObject({ path: out, rows: 150 })
  const b = readFileSync(out)
  expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(3)).trimEnd().split('\r\n')
  expect(lines).toHaveLength(151)
  expect(lines[0].startsWith('案件编号,借款人,身份证号,手机号')).toBe(true)
  expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(150)

  const x = join(tempDir(), 'collection.xlsx')
  const s = casedesk('export', 'cases', '--stage', '催收', '--format', 'xlsx', '--out', x, '--data-dir', dir, '--json')
  expect(s.code, s.stderr).toBe(0)
  expect(s.json().fileName).toMatch(/^案件清单_阶段-催收_\d{4}-\d{2}-\d{2}\.xlsx$/)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(x)
  const ws = wb.worksheets[0]
  expect(ws.rowCount - 1).toBe(s.json().rows)
  for (let i = 2; i <= ws.rowCount; i++) expect(ws.getRow(i).getCell(6).value).toBe('催收')
}, 120_000)

it('report client writes the PDF and DOCX into --out DIR', () => {
  const lenderId = casedesk('report', 'portfolio', '--data-dir', dir, '--json').json().lenders[0].lenderId
  const out = tempDir()
  const month = new Date().toISOString().slice(0, 7)
  for (const format of ['pdf', 'docx']) {
    const r = casedesk('report', 'client', '--lender', lenderId, '--month', month, '--format', format, '--out', out, '--data-dir', dir, '--json')
    expect(r.code, r.stderr).toBe(0)
    expect(r.json().path.endsWith(`.${format}`)).toBe(true)
  }
  const pdf = readdirSync(out).find((f) => f.endsWith('.pdf'))!
  expect(execFileSync('pdftotext', [join(out, pdf), '-'], { encoding: 'utf8' })).toContain('逾期资产处置月度报告')
}, 120_000)

it('bad usage exits 2, a user error exits 1 with zh + en on stderr', () => {
  const noFormat = casedesk('export', 'cases', '--format', 'pdf', '--out', join(tempDir(), 'x'), '--data-dir', dir)
  expect(noFormat.code).toBe(2)
  const badStage = casedesk('export', 'cases', '--stage', '赢了', '--format', 'csv', '--out', join(tempDir(), 'x'), '--data-dir', dir)
  expect(badStage.code).toBe(2)
  const noLender = casedesk('report', 'client', '--lender', 'nope', '--month', '2026-11', '--format', 'pdf', '--out', tempDir(), '--data-dir', dir)
  expect(noLender.code).toBe(1)
  expect(noLender.stderr).toMatch(/未找到出借人/)
  expect(noLender.stderr).toMatch(/Lender not found/)
  const badMonth = casedesk('report', 'portfolio', '--from', '2026-13', '--data-dir', dir, '--json')
  expect(badMonth.code).toBe(1)
  expect(badMonth.stdout).toBe('')
}, 120_000)
