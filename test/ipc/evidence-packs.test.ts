import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { call, expectRefused, makeCore } from '../helpers/core'
import { makeEvidenceCase } from '../helpers/evidence-case'
import { makePdf, makePng } from '../helpers/evidence-files'
import { tempDir } from '../helpers/temp'

/**
 * Filing packs through the contract (evidence.packs.start, a job on both cores): one folder per case with the
 * documents, the bundle and the checklist; one summary sheet; bad requests refused before anything starts.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
let cases: { caseId: string; caseNo: string }[]

beforeAll(async () => {
  core = await makeCore()
  cases = [await makeEvidenceCase(core, 1), await makeEvidenceCase(core, 2)]
  core.ctx.db.raw.prepare("UPDATE cases SET stage = 'litigation', court = '杭州市西湖区人民法院' WHERE id = ?").run(cases[0].caseId)
  core.ctx.db.raw.prepare("UPDATE cases SET stage = 'litigation' WHERE id = ?").run(cases[1].caseId)
  await core.services.evidence.add({ caseId: cases[0].caseId, kind: 'contract', name: '借款合同', purpose: '证明借贷关系' }, [{ fileName: 'c.pdf', bytes: await makePdf(2) }])
  await core.services.evidence.add({ caseId: cases[0].caseId, kind: 'disbursement', name: '放款回单', purpose: '证明已放款' }, [{ fileName: 'r.png', bytes: makePng(50, 70) }])
}, 60_000)

it('evidence.packs.start builds a folder per case and a summary sheet', async () => {
  const out = tempDir()
  const started = await call(core, 'evidence.packs.start', { stage: '诉讼', outDir: out })
  expect(started.total).toBe(2)
  const job = await core.services.jobs.wait(started.jobId)
  expect(job.status).toBe('done')
  expect(job.errors).toEqual([])
  const r = job.result as { packs: any[]; summary: string }
  expect(r.packs.map((p) => p.caseId)).toEqual(cases.map((c) => c.caseId))
  const [full, bare] = r.packs
  expect(full.claim).toMatch(/^\d+\.\d{2}$/)
  expect(Number(full.claim)).toBeGreaterThan(0)
  expect(full.courtFee).toBe(core.services.calc.courtFee(full.claim).fullFee)
  const names = readdirSync(full.dir).sort()
  for (const f of [`${cases[0].caseNo}-complaint.docx`, `${cases[0].caseNo}-complaint.pdf`, `${cases[0].caseNo}-evidence-list.pdf`, `${cases[0].caseNo}-power-of-attorney.pdf`, `${cases[0].caseNo}-service-address.pdf`, `${cases[0].caseNo}-证据材料.zip`, `${cases[0].caseNo}-证据材料.pdf`, '缺件清单.txt']) expect(names).toContain(f)
  expect(full.missing.some((m: string) => m.includes('送达凭证'))).toBe(true)
  expect(full.missing.some((m: string) => m.includes('受诉法院'))).toBe(false)
  expect(bare.missing).toContain('尚无证据，未生成证据材料')
  expect(bare.missing).toContain('受诉法院未填写')
  expect(existsSync(join(bare.dir, `${cases[1].caseNo}-证据材料.zip`))).toBe(false)
  expect(readFileSync(join(bare.dir, '缺件清单.txt'), 'utf8')).toContain('受诉法院未填写')
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(r.summary)
  const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][]
  expect(rows.map((row) => [row[1], row[2], row[6]])).toEqual([[cases[0].caseNo, '杭州市西湖区人民法院', '待补'], [cases[1].caseNo, '', '待补']])
  expect(rows[0][4]).toBe(Number(full.claim))
}, 100_000)

it('refuses a request that names no cases, unknown cases or an unwritable folder, before any work', async () => {
  const out = tempDir()
  const fail = (input: unknown, code: string, field?: string) => expectRefused(core, ['documents', 'evidence_bundles', 'audit_log'], 'evidence.packs.start', input, code, field)
  await fail({ outDir: out }, 'INVALID_INPUT', 'stage')
  await fail({ stage: 'litigation', caseIds: [cases[0].caseId], outDir: out }, 'INVALID_INPUT', 'stage')
  await fail({ stage: '审判', outDir: out }, 'INVALID_INPUT', 'stage')
  await fail({ stage: 'closed', outDir: out }, 'PACK_NO_CASES', 'stage')
  await fail({ caseIds: ['nope'], outDir: out }, 'NOT_FOUND', 'caseIds')
  // A folder inside a regular file can never be made.
  const file = join(tempDir(), 'a-file')
  writeFileSync(file, 'x')
  await fail({ stage: 'litigation', outDir: join(file, 'packs') }, 'OUTPUT_DIR_NOT_WRITABLE', 'outDir')
  expect(readdirSync(out)).toEqual([])
})
