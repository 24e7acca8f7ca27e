import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readHeader, readRows } from '../../electron/core/import/read-rows'
import { BATCH_ROWS } from '../../electron/core/import/run'
import { uploadsDir } from '../../electron/core/import/uploads'
import { createCore, openDb } from '../../electron/core/services'
import type { JobView } from '../../shared/domain/jobs'
import { call, makeCore } from '../helpers/core'
import { csvCells, csvText, HEADERS, logicalRows } from '../unit/import/fixtures'

/**
 * The import channels through the dispatcher: upload → preview → dry run → import (real worker jobs on the
 * same store), saved mappings, the template and the rejected-rows export. Bad input gives a coded zh/en
 * error and leaves the store as it was.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
// Each job starts a worker that compiles the core with tsx: seconds on a loaded 2-core machine.
vi.setConfig({ testTimeout: 240_000 })

const TABLES = ['lenders', 'borrowers', 'borrower_phones', 'borrower_addresses', 'loans', 'schedule_items', 'disbursements', 'repayments', 'cases', 'case_loans', 'stage_history', 'case_search', 'audit_log', 'import_mappings', 'import_loan_facts']
const snapshot = () => Object.fromEntries(TABLES.map((t) => [t, core.ctx.db.raw.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]))
const count = (t: string) => core.ctx.db.raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number

async function upload(bytes: Buffer, name = 'list.csv'): Promise<string> {
  let uploadId: string | undefined
  // Small chunks, so the test crosses chunk boundaries inside multi-byte characters.
  for (let at = 0; at < bytes.length; at += 777) {
    const r = await call(core, 'import.upload', { uploadId, name, chunkBase64: bytes.subarray(at, at + 777).toString('base64') })
    uploadId = r.uploadId
  }
  return uploadId!
}

async function runJob(channel: 'import.start' | 'import.dryRun', input: object) {
  const { jobId } = await call(core, channel, input)
  const end = await core.services.jobs.wait(jobId)
  expect(end.status, JSON.stringify(end.failure)).toBe('done')
  return end.result as any
}

async function expectError(channel: string, input: unknown, code: string) {
  const before = snapshot()
  const r = await core.dispatch(channel, input)
  expect(r.ok).toBe(false)
  if (!r.ok) {
    expect(r.error.code).toBe(code)
    expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(r.error.messageEn).toMatch(/[a-z]/)
  }
  expect(snapshot()).toEqual(before)
}

beforeEach(async () => {
  core = await makeCore()
})
afterEach(async () => {
  await core.close()
})

describe('a GBK file from upload to stored cases', () => {
  const rows = logicalRows(30)
  const gbk = iconv.encode(csvText(HEADERS, rows.map(csvCells)), 'gbk')

  it('previews with the detected encoding and proposed mapping, dry-runs without storing, imports, and re-imports as unchanged', async () => {
    const uploadId = await upload(gbk)
    const preview = await call(core, 'import.preview', { uploadId })
    expect(preview.info).toMatchObject({ format: 'csv', encoding: 'gb18030' })
    expect(preview.headers).toEqual(HEADERS)
    expect(preview.rows).toHaveLength(10)
    expect(preview.rows[0]).toMatchObject({ rowNumber: 2, cells: expect.arrayContaining([rows[0].name, rows[0].id]) })
    expect(preview.proposed.columns).toMatchObject({ borrowerName: { header: '借款人姓名' }, lenderName: { header: '出借人' }, contractAmount: { header: '借款金额（元）' } })
    expect(preview.needsLender).toBe(false)

    const before = snapshot()
    const dry = await runJob('import.dryRun', { uploadId })
    expect(dry).toMatchObject({ dryRun: true, read: 30, imported: 30, updated: 0, unchanged: 0, rejectedRows: 0 })
    const { import_runs: _, ...after } = { ...snapshot(), import_runs: null }
    expect(after).toEqual(before)

    const report = await runJob('import.start', { uploadId })
    expect(report).toMatchObject({ dryRun: false, read: 30, imported: 30, updated: 0, unchanged: 0, rejectedRows: 0, errors: [] })
    expect(report.newCases).toHaveLength(30)
    expect(count('cases')).toBe(30)
    expect(count('case_search')).toBe(30)
    const raw = core.ctx.db.raw
    const first = raw.prepare(`SELECT b.name, b.id_number, c.stage, c.overdue_since, c.principal_outstanding_fen, l.contract_amount_fen, l.rate_term, f.rate_original
      FROM loans l JOIN borrowers b ON b.id = l.borrower_id JOIN case_loans cl ON cl.loan_id = l.id JOIN cases c ON c.id = cl.case_id
      JOIN import_loan_facts f ON f.loan_id = l.id WHERE l.contract_no = ?`).get(rows[1].contractNo)
    // GBK names arrive intact; days past due (1 in the file) give the case its overdue date.
    expect(first).toEqual({ name: rows[1].name, id_number: rows[1].id, stage: 'new', overdue_since: '2026-11-27', principal_outstanding_fen: rows[1].disbursedFen - rows[1].principalRepaidFen, contract_amount_fen: rows[1].amountFen, rate_term: '0.24', rate_original: '24%' })
    const found = await call(core, 'cases.list', { search: rows[3].name })
    expect(found.rows.map((r: { caseNo: string }) => r.caseNo)).toContain(report.newCases[3].caseNo)

    // A finished import removes its uploaded copy (borrowers' personal data); the dry run before it kept it.
    expect(existsSync(join(uploadsDir(core.dataDir), uploadId))).toBe(false)
    await expectError('import.preview', { uploadId }, 'NOT_FOUND')
    const again = await runJob('import.start', { uploadId: await upload(gbk) })
    expect(again).toMatchObject({ read: 30, imported: 0, updated: 0, unchanged: 30, rejectedRows: 0 })
    expect(count('cases')).toBe(30)
  })

  it('updates a changed row with an audit diff, and rejects bad rows without blocking the rest', async () => {
    await runJob('import.start', { uploadId: await upload(gbk) })
    const cells = rows.map(csvCells)
    cells[4][7] = '99999.00' // amount changed
    cells[5][1] = '110105196001010011' // bad check digit
    const changed = await upload(Buffer.from(csvText(HEADERS, cells), 'utf8'))
    const report = await runJob('import.start', { uploadId: changed })
    expect(report).toMatchObject({ read: 30, imported: 0, updated: 1, unchanged: 28, rejectedRows: 1 })
    expect(report.errors).toEqual([expect.objectContaining({ row: 7, column: '身份证号', code: expect.stringMatching(/^IMPORT_/) })])
    const loan = core.ctx.db.raw.prepare('SELECT id, contract_amount_fen FROM loans WHERE contract_no = ?').get(rows[4].contractNo) as { id: string; contract_amount_fen: number }
    expect(loan.contract_amount_fen).toBe(9_999_900)
    const entry = core.ctx.db.raw.prepare(`SELECT diff_json FROM audit_log WHERE entity = 'loan' AND entity_id = ? AND action = 'import.update'`).pluck().get(loan.id) as string
    expect(JSON.parse(entry).contract_amount_fen).toEqual([rows[4].amountFen, 9_999_900])
    expect((await call(core, 'audit.verify')).ok).toBe(true)

    const csv = await call(core, 'import.rejected', { runId: report.runId, format: 'csv' })
    const path = join(core.dataDir, 'rejected.csv')
    writeFileSync(path, Buffer.from(csv.base64, 'base64'))
    expect((await readHeader(path)).headers).toEqual([...HEADERS, '错误', '原行号'])
    const back = []
    for await (const r of readRows(path)) back.push(r.cells)
    expect(back).toHaveLength(1)
    expect(back[0].slice(0, HEADERS.length)).toEqual(cells[5])
    expect(back[0].at(-1)).toBe('7')
    const xlsx = await call(core, 'import.rejected', { runId: report.runId, format: 'xlsx' })
    expect(xlsx.rows).toBe(1)
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK')
  })
})

describe('a file without a lender column', () => {
  const noLender = HEADERS.filter((h) => h !== '出借人')
  const cells = logicalRows(5).map(csvCells).map((c) => c.filter((_, i) => HEADERS[i] !== '出借人'))
  const bytes = Buffer.from(csvText(noLender, cells), 'utf8')

  it('needs a lender; given one, creates it with the regime and imports under it', async () => {
    const uploadId = await upload(bytes)
    expect((await call(core, 'import.preview', { uploadId })).needsLender).toBe(true)
    await expectError('import.start', { uploadId }, 'IMPORT_MAPPING_INCOMPLETE')
    const report = await runJob('import.start', { uploadId, lender: '某某小额贷款有限公司', regime: 'licensed' })
    expect(report).toMatchObject({ imported: 5 })
    expect(core.ctx.db.raw.prepare('SELECT name, regime FROM lenders').all()).toEqual([{ name: '某某小额贷款有限公司', regime: 'licensed' }])
    expect(core.ctx.db.raw.prepare('SELECT DISTINCT day_basis FROM loans').pluck().all()).toEqual([360])
  })

  it('saves a mapping by name and imports with it', async () => {
    const uploadId = await upload(bytes)
    const { proposed } = await call(core, 'import.preview', { uploadId })
    const saved = await call(core, 'import.mappings.save', { name: '某平台', mapping: proposed })
    expect(saved.name).toBe('某平台')
    expect((await call(core, 'import.mappings.list')).map((m: { name: string }) => m.name)).toEqual(['某平台'])
    const report = await runJob('import.start', { uploadId, mappingName: '某平台', lender: '甲公司' })
    expect(report.imported).toBe(5)
    await expectError('import.start', { uploadId: await upload(bytes), mappingName: '没有这个', lender: '甲公司' }, 'IMPORT_MAPPING_NOT_FOUND')
    await expectError('import.mappings.save', { name: '坏的', mapping: { version: 1, columns: { notAField: { header: 'x' } } } }, 'IMPORT_MAPPING_INVALID')
    await expectError('import.mappings.save', { name: '', mapping: proposed }, 'INVALID_INPUT')
  })
})

describe('bad input', () => {
  it('refuses bad uploads, unknown ids, files that are not spreadsheets and empty files, changing nothing', async () => {
    await expectError('import.upload', { name: 'a.csv', chunkBase64: '***' }, 'INVALID_INPUT')
    await expectError('import.upload', { name: 'a.csv', chunkBase64: 'QUJD', uploadId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }, 'NOT_FOUND')
    await expectError('import.preview', { uploadId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' }, 'NOT_FOUND')
    await expectError('import.preview', { uploadId: 'x' }, 'INVALID_INPUT')
    const pdf = await upload(Buffer.from('%PDF-1.7\n\u0000\u0001binary'), 'a.pdf')
    await expectError('import.preview', { uploadId: pdf }, 'IMPORT_NOT_SPREADSHEET')
    await expectError('import.start', { uploadId: pdf, lender: '甲' }, 'IMPORT_NOT_SPREADSHEET')
    const header = await upload(Buffer.from(HEADERS.join(',') + '\r\n'))
    const report = await runJob('import.start', { uploadId: header })
    expect(report).toMatchObject({ read: 0, imported: 0, rejectedRows: 0 })
    await expectError('import.rejected', { runId: '01JZZZZZZZZZZZZZZZZZZZZZZZ', format: 'csv' }, 'NOT_FOUND')
    await expectError('import.rejected', { runId: report.runId, format: 'pdf' }, 'INVALID_INPUT')
    await expectError('import.dryRun', { uploadId: header, mapping: { version: 2 } }, 'INVALID_INPUT')
  })

  it('in-file duplicates: an identical row is skipped, a conflicting one is rejected and the first kept', async () => {
    const cells = logicalRows(3).map(csvCells)
    const conflict = [...cells[0]]
    conflict[12] = '19%'
    const uploadId = await upload(Buffer.from(csvText(HEADERS, [...cells, cells[1], conflict]), 'utf8'))
    const report = await runJob('import.start', { uploadId })
    expect(report).toMatchObject({ read: 5, imported: 3, unchanged: 1, rejectedRows: 1 })
    expect(report.errors[0]).toMatchObject({ row: 6, code: 'IMPORT_DUPLICATE_CONFLICT' })
    expect(core.ctx.db.raw.prepare('SELECT rate_term FROM loans WHERE contract_no = ?').pluck().get(logicalRows(1)[0].contractNo)).toBe('0.18')
  })
})

it('import.template gives the XLSX template whose headers map back to every field', async () => {
  const t = await call(core, 'import.template')
  const path = join(core.dataDir, 't.xlsx')
  writeFileSync(path, Buffer.from(t.base64, 'base64'))
  const { headers } = await readHeader(path)
  expect(headers[0]).toBe('借款人姓名*')
  const uploadId = await upload(readFileSync(path), 't.xlsx')
  const report = await runJob('import.start', { uploadId })
  expect(report).toMatchObject({ imported: 1, rejectedRows: 0 })
})

describe('borrowers on re-import', () => {
  it('a changed name updates the borrower with an audit diff and their search text; two names for one ID number in one file keep the first', async () => {
    const rows = logicalRows(6)
    await runJob('import.start', { uploadId: await upload(Buffer.from(csvText(HEADERS, rows.map(csvCells)), 'utf8')) })
    const raw = core.ctx.db.raw
    const borrower = raw.prepare('SELECT id, name FROM borrowers WHERE id_number = ?').get(rows[2].id) as { id: string; name: string }
    const cells = rows.map(csvCells)
    cells[2][0] = '张新名'
    const report = await runJob('import.start', { uploadId: await upload(Buffer.from(csvText(HEADERS, cells), 'utf8')) })
    expect(report).toMatchObject({ read: 6, imported: 0, updated: 1, unchanged: 5, rejectedRows: 0 })
    expect(raw.prepare('SELECT name FROM borrowers WHERE id = ?').pluck().get(borrower.id)).toBe('张新名')
    const entry = raw.prepare(`SELECT diff_json FROM audit_log WHERE entity = 'borrower' AND entity_id = ? AND action = 'import.update'`).pluck().get(borrower.id) as string
    expect(JSON.parse(entry)).toMatchObject({ name: [borrower.name, '张新名'], importRun: report.runId, row: 4 })
    expect((await call(core, 'audit.verify')).ok).toBe(true)
    const found = await call(core, 'cases.list', { search: '张新名' })
    expect(found.rows).toHaveLength(1)
    expect(raw.prepare('SELECT borrower_name FROM case_search WHERE case_id = ?').pluck().get(found.rows[0].id)).toBe('张新名')

    // Same ID number, another name, in one file: the first row's name stands and the later row is refused.
    const twice = [...cells[0]]
    twice[0] = '李另一个'
    twice[5] = 'HT-NEW-1'
    const conflict = await runJob('import.start', { uploadId: await upload(Buffer.from(csvText(HEADERS, [cells[0], twice]), 'utf8')) })
    expect(conflict).toMatchObject({ read: 2, imported: 0, unchanged: 1, rejectedRows: 1 })
    expect(conflict.errors[0]).toMatchObject({ row: 3, column: '借款人姓名', code: 'IMPORT_BORROWER_NAME_CONFLICT' })
    expect(raw.prepare('SELECT name FROM borrowers WHERE id_number = ?').pluck().get(rows[0].id)).toBe(rows[0].name)
    expect(raw.prepare('SELECT count(*) FROM loans WHERE contract_no = ?').pluck().get('HT-NEW-1')).toBe(0)
  })
})

describe('cancel and staged uploads', () => {
  it('jobs.cancel mid-import stops after whole batches, reports the counts, keeps the upload, and a re-run completes the rest', async () => {
    const M = 4 * BATCH_ROWS
    const uploadId = await upload(Buffer.from(csvText(HEADERS, logicalRows(M).map(csvCells)), 'utf8'))
    let cancelled: Promise<unknown> | null = null
    const { jobId } = await call(core, 'import.start', { uploadId })
    const stop = core.ctx.events.onEvent((e) => {
      const j = e.payload as JobView
      if (e.type === 'job.progress' && j.id === jobId && j.done >= BATCH_ROWS && !cancelled) cancelled = call(core, 'jobs.cancel', { id: jobId })
    })
    const end = await core.services.jobs.wait(jobId)
    stop()
    expect(cancelled).not.toBeNull()
    expect(end.status).toBe('cancelled')
    const report = end.result as any
    expect(report.cancelled).toBe(true)
    expect(report.imported).toBeGreaterThanOrEqual(BATCH_ROWS)
    expect(report.imported).toBeLessThan(M)
    expect(report.imported % BATCH_ROWS).toBe(0)
    expect(report.read).toBe(report.imported)
    expect(count('loans')).toBe(report.imported)
    expect(count('cases')).toBe(report.imported)
    expect(count('case_search')).toBe(report.imported)
    expect(count('import_loan_facts')).toBe(report.imported)
    expect(core.ctx.db.raw.prepare('SELECT status, rows_read, imported FROM import_runs WHERE id = ?').get(report.runId)).toEqual({ status: 'cancelled', rows_read: report.read, imported: report.imported })
    expect((await call(core, 'audit.verify')).ok).toBe(true)

    const rest = await runJob('import.start', { uploadId }) // the cancelled run kept its upload
    expect(rest).toMatchObject({ read: M, imported: M - report.imported, unchanged: report.imported, rejectedRows: 0 })
    expect(count('cases')).toBe(M)
  })

  it('uploads left for a day are removed when the app starts; recent ones stay', async () => {
    const stale = await upload(Buffer.from('a,b\r\n1,2\r\n'), 'old.csv')
    const fresh = await upload(Buffer.from('a,b\r\n1,2\r\n'), 'new.csv')
    const staleDir = join(uploadsDir(core.dataDir), stale)
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000)
    utimesSync(join(staleDir, 'old.csv'), twoDaysAgo, twoDaysAgo)
    utimesSync(staleDir, twoDaysAgo, twoDaysAgo)
    const db = await openDb(join(core.dataDir, 'casedesk.db'))
    try {
      createCore(db, { dataDir: core.dataDir, resourcesDir: join(process.cwd(), 'resources'), version: 'test', actor: 'tester', now: () => new Date() })
      expect(existsSync(staleDir)).toBe(false)
      expect(existsSync(join(uploadsDir(core.dataDir), fresh))).toBe(true)
    } finally {
      await db.close()
    }
  })
})

describe('after an import, the dashboard\'s limitation risks are already stored', () => {
  const nearlyTimeBarred = () => logicalRows(20).map((r, k) => ({ ...r, daysPastDue: 1_050 + 2 * k }))

  it('fills loan_limitation for the loans whose limitation may end within 90 days; the first dashboard call then writes none', async () => {
    // Overdue since about three years ago: the limitation of these loans ends within 90 days of the test's today.
    const rows = nearlyTimeBarred()
    const report = await runJob('import.start', { uploadId: await upload(Buffer.from(csvText(HEADERS, rows.map(csvCells)))) })
    expect(report).toMatchObject({ imported: 20, rejectedRows: 0 })
    const raw = core.ctx.db.raw
    const stored = () => raw.prepare('SELECT case_id, loan_id, state, expiry FROM loan_limitation ORDER BY case_id, loan_id').all() as { case_id: string; expiry: string }[]
    const filled = stored()
    expect(filled).toHaveLength(20)
    expect(filled.every((r) => r.expiry >= '2026-11-28' && r.expiry <= '2027-02-26')).toBe(true)

    const dashboard = await call(core, 'reports.dashboard', {})
    expect(dashboard.limitation.within90).toBe(20)
    expect(new Set(dashboard.limitation.rows.map((r: { caseId: string }) => r.caseId))).toEqual(new Set(filled.map((r) => r.case_id)))
    expect(stored()).toEqual(filled)
  })

  it('a dry run stores none', async () => {
    await runJob('import.dryRun', { uploadId: await upload(Buffer.from(csvText(HEADERS, nearlyTimeBarred().map(csvCells)))) })
    expect(count('loan_limitation')).toBe(0)
  })
})
