import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, expect, it } from 'vitest'
import { casedesk } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

/** `casedesk generate` as a user runs it: one document for a case, and a batch over a filter with a progress bar. */
let dir: string
let caseId: string
let caseNo: string
let borrowerName: string

beforeAll(() => {
  dir = tempDir()
  expect(casedesk('seed', '--cases', '40', '--seed', '5', '--data-dir', dir, '--json').code).toBe(0)
  const rows = casedesk('cases', 'list', '--stage', 'collection', '--limit', '1', '--data-dir', dir, '--json').json()
  ;({ id: caseId, caseNo, borrowerName } = rows[0])
}, 180_000)

it('generate --case writes one DOCX into --out and prints {"files":[…]}; the XML carries the name, the amount and the eastAsia font', () => {
  const out = tempDir()
  const r = casedesk('generate', '--case', caseId, '--type', 'demand-letter', '--format', 'docx', '--as-of', '2026-11-28', '--out', out, '--data-dir', dir, '--json')
  expect(r.code, r.stderr).toBe(0)
  const { files, documents } = r.json()
  expect(files).toEqual([join(out, `${caseNo}-demand-letter.docx`)])
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(files[0])))['word/document.xml'])
  expect(xml).toContain(borrowerName)
  expect(xml).toMatch(/w:eastAsia="[^"]+"/)
  const show = casedesk('cases', 'show', caseId, '--data-dir', dir, '--json').json()
  expect(JSON.stringify(show)).toContain(documents[0].fileName)
  expect(xml).toMatch(/合计人民币[^元]*?\d{1,3}(,\d{3})*\.\d{2}元/)
  expect(documents[0]).toMatchObject({ docType: 'demand-letter', format: 'docx', templateId: 'builtin-demand-letter' })
}, 180_000)

it('generate --case as PDF: pdftotext reads the borrower and the case number', () => {
  const out = tempDir()
  const r = casedesk('generate', '--case', caseId, '--type', 'complaint', '--format', 'pdf', '--as-of', '2026-11-28', '--out', out, '--data-dir', dir, '--json')
  expect(r.code, r.stderr).toBe(0)
  const text = execFileSync('pdftotext', [r.json().files[0], '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  expect(text).toContain(borrowerName)
  expect(text).toContain(caseNo)
}, 180_000)

it('a batch by stage and days past due: progress on stderr, one JSON document at the end, files named {caseNo}-{type}.pdf', () => {
  const out = join(tempDir(), 'batch')
  const expected = casedesk('cases', 'list', '--stage', '催收', '--limit', '500', '--data-dir', dir, '--json').json()
    .filter((c: { daysPastDue: number }) => c.daysPastDue >= 60).map((c: { caseNo: string }) => c.caseNo).sort()
  const r = casedesk('generate', '--type', 'demand-letter', '--stage', '催收', '--min-dpd', '60', '--format', 'pdf', '--as-of', '2026-11-28', '--out', out, '--combined', '--data-dir', dir, '--json')
  expect(r.code, r.stderr).toBe(0)
  expect(r.stderr).toMatch(/\[#+\.*\] \d+\/\d+ 100%/)
  const j = r.json()
  expect(j.status).toBe('done')
  expect(j.errors).toEqual([])
  expect(j.files).toEqual(expected.map((n: string) => join(out, `${n}-demand-letter.pdf`)))
  for (const f of j.files) expect(existsSync(f)).toBe(true)
  expect(existsSync(j.combined)).toBe(true)
}, 240_000)

it('bad input: an unknown type, an unwritable folder and missing options are refused with zh + en and the right exit code', () => {
  const bad = casedesk('generate', '--case', caseId, '--type', 'fax', '--format', 'pdf', '--out', tempDir(), '--data-dir', dir)
  expect(bad.code).toBe(1)
  expect(bad.stderr).toMatch(/错误 \[INVALID_INPUT\]/)
  expect(bad.stderr).toMatch(/Error \[INVALID_INPUT\]/)
  const file = join(tempDir(), 'file')
  writeFileSync(file, 'x')
  const ro = casedesk('generate', '--type', 'demand-letter', '--stage', 'collection', '--format', 'pdf', '--out', join(file, 'x'), '--data-dir', dir)
  expect(ro.code).toBe(1)
  expect(ro.stderr).toContain('OUTPUT_DIR_NOT_WRITABLE')
  expect(ro.stderr).toContain('无法写入输出文件夹')
  expect(casedesk('generate', '--type', 'demand-letter', '--data-dir', dir).code).toBe(2)
  expect(casedesk('generate', '--type', 'demand-letter', '--stage', 'nowhere', '--out', tempDir(), '--data-dir', dir).code).toBe(1)
}, 300_000)
