import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { call, makeCore, expectRefused as refusedBy, tableSnapshot } from '../helpers/core'
import { makeEvidenceCase } from '../helpers/evidence-case'
import { b64, makeEncryptedPdf, makeJpeg, makePdf, makePng } from '../helpers/evidence-files'

/**
 * Evidence channels through the same dispatcher as the app: good input gives the real outcome; bad input a
 * coded zh/en error, and the case's exhibits, the audit log and the content store stay exactly as they were.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
let caseId: string

function storeFiles(): string[] {
  const root = join(core.dataDir, 'files')
  if (!existsSync(root)) return []
  const out: string[] = []
  const walk = (d: string) => { for (const e of readdirSync(d)) { const p = join(d, e); if (statSync(p).isDirectory()) walk(p); else out.push(p) } }
  walk(root)
  return out.sort()
}
const TABLES = ['evidence_items', 'evidence_removals', 'evidence_bundles', 'audit_log']
const snapshot = () => ({ tables: tableSnapshot(core, TABLES), files: storeFiles() })
/** A refused call leaves the tables and the content store (files on disk, not a table) exactly as they were. */
async function expectRefused(channel: string, input: unknown, code: string, field?: string) {
  const files = storeFiles()
  await refusedBy(core, TABLES, channel, input, code, field)
  expect(storeFiles()).toEqual(files)
}
const add = (files: { fileName: string; dataBase64: string }[], extra: Record<string, unknown> = {}) =>
  call(core, 'evidence.add', { caseId, kind: '借款合同', purpose: '证明借贷关系成立', source: '原告提供', files, ...extra })

beforeEach(async () => {
  core = await makeCore()
  caseId = (await makeEvidenceCase(core)).caseId
})

describe('evidence.add', () => {
  it('stores PDF, PNG and JPEG with hash, size and pages; Chinese or English kind; the same bytes kept once across cases', async () => {
    const pdf = await makePdf(3)
    const r = await add([{ fileName: '借款合同.pdf', dataBase64: b64(pdf) }, { fileName: '转账截图.png', dataBase64: b64(makePng(40, 30)) }, { fileName: '身份证.jpg', dataBase64: b64(await makeJpeg()) }])
    expect(r.rejected).toEqual([])
    expect(r.added.map((v: any) => [v.label, v.name, v.mime, v.pages, v.kind])).toEqual([
      ['1', '借款合同', 'application/pdf', 3, 'contract'], ['2', '转账截图', 'image/png', 1, 'contract'], ['3', '身份证', 'image/jpeg', 1, 'contract'],
    ])
    expect(r.added[0]).toMatchObject({ size: pdf.length, fileName: '借款合同.pdf', addedBy: 'tester', receivedOn: '2026-11-28', original: false })
    expect(core.ctx.files.has(r.added[0].sha256)).toBe(true)
    const other = (await makeEvidenceCase(core, 2)).caseId
    const again = await call(core, 'evidence.add', { caseId: other, kind: 'contract', files: [{ fileName: 'copy.pdf', dataBase64: b64(pdf) }] })
    expect(again.deduplicated).toBe(1)
    expect(again.added[0]).toMatchObject({ sha256: r.added[0].sha256, name: 'copy', label: '1' })
    expect(storeFiles()).toHaveLength(3)
    const audit = core.ctx.db.raw.prepare("SELECT count(*) n FROM audit_log WHERE entity = 'evidence' AND action = 'add'").get() as { n: number }
    expect(audit.n).toBe(4)
  })

  it('refuses bad files one by one and takes the rest of the batch', async () => {
    const r = await add([
      { fileName: 'ok.pdf', dataBase64: b64(await makePdf(1)) },
      { fileName: 'empty.pdf', dataBase64: '' },
      { fileName: 'locked.pdf', dataBase64: b64(await makeEncryptedPdf()) },
      { fileName: 'broken.pdf', dataBase64: b64(Buffer.from('%PDF-1.7\n1 0 obj <<< garbage')) },
      { fileName: 'anim.gif', dataBase64: b64(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')) },
      { fileName: 'cut.png', dataBase64: b64(makePng(20, 20).subarray(0, 60)) },
      { fileName: '../../etc/passwd', dataBase64: b64(await makePdf(1, 'X')) },
      { fileName: 'bell\u0007.pdf', dataBase64: b64(await makePdf(1, 'Y')) },
      { fileName: 'notes.txt', dataBase64: b64(Buffer.from('hello')) },
    ])
    expect(r.added.map((v: any) => v.fileName)).toEqual(['ok.pdf'])
    expect(r.rejected.map((x: any) => [x.file, x.code])).toEqual([
      ['empty.pdf', 'EVIDENCE_EMPTY_FILE'], ['locked.pdf', 'EVIDENCE_PDF_ENCRYPTED'], ['broken.pdf', 'EVIDENCE_PDF_CORRUPT'],
      ['anim.gif', 'EVIDENCE_UNSUPPORTED_IMAGE'], ['cut.png', 'EVIDENCE_IMAGE_CORRUPT'], ['../../etc/passwd', 'EVIDENCE_BAD_FILE_NAME'],
      ['bell\\x07.pdf', 'EVIDENCE_BAD_FILE_NAME'], ['notes.txt', 'EVIDENCE_UNSUPPORTED_TYPE'],
    ])
    for (const x of r.rejected) {
      expect(x.message).toMatch(/[\u4e00-\u9fff]/)
      expect(x.messageEn).toContain(x.file)
    }
    expect(storeFiles()).toHaveLength(1)
    // The same file twice in one case: refused, nothing changes.
    const before = snapshot()
    const dup = await add([{ fileName: 'ok-again.pdf', dataBase64: b64(await makePdf(1)) }])
    expect(dup.rejected.map((x: any) => x.code)).toEqual(['EVIDENCE_DUPLICATE'])
    expect(snapshot()).toEqual(before)
  })

  it('refuses bad input as a whole with nothing stored', async () => {
    const file = [{ fileName: 'a.pdf', dataBase64: b64(await makePdf(1)) }]
    await expectRefused('evidence.add', { caseId, kind: '借条', files: file }, 'INVALID_INPUT', 'kind')
    await expectRefused('evidence.add', { caseId, kind: 'contract', files: [] }, 'INVALID_INPUT', 'files')
    await expectRefused('evidence.add', { caseId, kind: 'contract', name: 'a\u0000b', files: file }, 'INVALID_INPUT', 'name')
    await expectRefused('evidence.add', { caseId, kind: 'contract', files: [{ fileName: 'a.pdf', dataBase64: '###' }] }, 'INVALID_INPUT')
    await expectRefused('evidence.add', { caseId: 'nope', kind: 'contract', files: file }, 'NOT_FOUND')
    await expectRefused('evidence.add', { caseId, kind: 'contract', parentId: 'nope', files: file }, 'NOT_FOUND')
  })
})

describe('editing exhibits', () => {
  let ids: string[]
  beforeEach(async () => {
    const r = await add([1, 2, 3].map((n) => ({ fileName: `e${n}.png`, dataBase64: b64(makePng(10, 10, n)) })), { name: '借款合同' })
    ids = r.added.map((v: any) => v.id)
  })

  it('evidence.update renames and re-describes, with an audit diff', async () => {
    const v = await call(core, 'evidence.update', { id: ids[0], patch: { name: '借款合同（电子版）', kind: '电子签名证书', original: true, source: null } })
    expect(v).toMatchObject({ name: '借款合同（电子版）', kind: 'esign_certificate', original: true, source: null })
    const diff = JSON.parse((core.ctx.db.raw.prepare("SELECT diff_json FROM audit_log WHERE action = 'update'").get() as { diff_json: string }).diff_json)
    expect(diff.name).toEqual(['借款合同（1）', '借款合同（电子版）'])
    await expectRefused('evidence.update', { id: ids[0], patch: { name: '' } }, 'INVALID_INPUT', 'patch.name')
    await expectRefused('evidence.update', { id: 'nope', patch: { name: 'x' } }, 'NOT_FOUND')
  })

  it('evidence.arrange reorders and groups; labels follow', async () => {
    const list = await call(core, 'evidence.arrange', { caseId, order: [{ id: ids[2], parentId: null }, { id: ids[0], parentId: ids[2] }, { id: ids[1], parentId: null }] })
    expect(list.map((v: any) => [v.label, v.id])).toEqual([['1', ids[2]], ['1-1', ids[0]], ['2', ids[1]]])
    await expectRefused('evidence.arrange', { caseId, order: [{ id: ids[0], parentId: null }] }, 'EVIDENCE_BAD_ORDER', 'order')
    await expectRefused('evidence.arrange', { caseId, order: [{ id: ids[2], parentId: ids[0] }, { id: ids[0], parentId: ids[2] }, { id: ids[1], parentId: null }] }, 'EVIDENCE_BAD_PARENT')
    await expectRefused('evidence.arrange', { caseId, order: 'all' }, 'INVALID_INPUT')
  })

  it('evidence.remove keeps the record, the file and the reason; the rest renumber', async () => {
    await expectRefused('evidence.remove', { id: ids[0], reason: '' }, 'INVALID_INPUT', 'reason')
    const list = await call(core, 'evidence.remove', { id: ids[0], reason: '重复提交' })
    expect(list.map((v: any) => [v.label, v.id])).toEqual([['1', ids[1]], ['2', ids[2]]])
    const all = await call(core, 'evidence.list', { caseId, includeRemoved: true })
    expect(all.at(-1)).toMatchObject({ id: ids[0], label: '—', removed: { reason: '重复提交', by: 'tester' } })
    expect(core.ctx.files.has(all.at(-1).sha256)).toBe(true)
    await expectRefused('evidence.remove', { id: ids[0], reason: '再删' }, 'EVIDENCE_REMOVED')
    await call(core, 'evidence.arrange', { caseId, order: [{ id: ids[1], parentId: null }, { id: ids[2], parentId: ids[1] }] })
    await expectRefused('evidence.remove', { id: ids[1], reason: '有子项' }, 'EVIDENCE_HAS_SUB_ITEMS')
  })

  it('evidence.list, evidence.file and evidence.gaps', async () => {
    expect((await call(core, 'evidence.list', { caseId })).map((v: any) => v.label)).toEqual(['1', '2', '3'])
    const f = await call(core, 'evidence.file', { id: ids[1] })
    expect(Buffer.from(f.dataBase64, 'base64')).toEqual(Buffer.from(makePng(10, 10, 2)))
    core.ctx.db.raw.prepare("UPDATE cases SET stage = 'litigation' WHERE id = ?").run(caseId)
    const gaps = await call(core, 'evidence.gaps', { caseId })
    expect(gaps.map((g: any) => g.kind)).toEqual(['disbursement', 'identity', 'repayment_record', 'delivery_proof'])
    expect(gaps[0].message).toContain('诉讼阶段缺少放款凭证')
    await expectRefused('evidence.list', { caseId: 'nope' }, 'NOT_FOUND')
    await expectRefused('evidence.file', { id: 'nope' }, 'NOT_FOUND')
    await expectRefused('evidence.gaps', { caseId: 'nope' }, 'NOT_FOUND')
  })
})

describe('integrity and bundles', () => {
  it('evidence.verify names a stored file whose bytes changed', async () => {
    const r = await add([{ fileName: 'a.pdf', dataBase64: b64(await makePdf(2)) }, { fileName: 'b.png', dataBase64: b64(makePng(10, 10)) }])
    expect(await call(core, 'evidence.verify', { caseId })).toEqual({ ok: true, problems: [], checked: 2 })
    const { writeFileSync, readFileSync } = await import('node:fs')
    const path = core.ctx.files.pathOf(r.added[1].sha256)
    const bytes = readFileSync(path)
    bytes[bytes.length - 20] ^= 1
    writeFileSync(path, bytes)
    const bad = await call(core, 'evidence.verify', { caseId })
    expect(bad.ok).toBe(false)
    expect(bad.problems).toEqual([{ file: '证据2 b (b.png)', expected: r.added[1].sha256, actual: expect.stringMatching(/^[0-9a-f]{64}$/), code: 'hash_mismatch' }])
    await expectRefused('evidence.verify', { caseId: 'nope' }, 'NOT_FOUND')
  })

  it('evidence.bundle.start runs the job; evidence.bundles, evidence.bundle.read and evidence.verifyBundle', async () => {
    await add([{ fileName: 'a.pdf', dataBase64: b64(await makePdf(2)) }])
    await expectRefused('evidence.bundle.start', { caseId, batesPrefix: '../x' }, 'INVALID_INPUT', 'batesPrefix')
    const empty = (await makeEvidenceCase(core, 3)).caseId
    await expectRefused('evidence.bundle.start', { caseId: empty }, 'EVIDENCE_NONE')
    const started = await call(core, 'evidence.bundle.start', { caseId, batesPrefix: 'HZ2024' })
    const done = await core.services.jobs.wait(started.jobId)
    expect(done.status).toBe('done')
    expect(done.errors).toEqual([])
    expect(done.result).toMatchObject({ pages: 4, indexPages: 2, exhibits: [{ no: '1', firstPage: 3, lastPage: 4 }] })
    const [rec] = await call(core, 'evidence.bundles', { caseId })
    expect(rec).toMatchObject({ pages: 4, exhibits: 1, batesPrefix: 'HZ2024' })
    const zip = await call(core, 'evidence.bundle.read', { bundleId: rec.id, which: 'zip' })
    expect(zip.mime).toBe('application/zip')
    const pdf = await call(core, 'evidence.bundle.read', { bundleId: rec.id, which: 'pdf' })
    expect(Buffer.from(pdf.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    expect(await call(core, 'evidence.verifyBundle', { fileName: 'b.zip', dataBase64: zip.dataBase64 })).toMatchObject({ ok: true, problems: [] })
    // Staged by import.upload (as the app sends it, in slices), checked, and the staged copy discarded.
    const zipBytes = Buffer.from(zip.dataBase64, 'base64')
    let uploadId: string | undefined
    for (let at = 0; at < zipBytes.length; at += 4096) uploadId = (await call(core, 'import.upload', { uploadId, name: 'b.zip', chunkBase64: b64(zipBytes.subarray(at, at + 4096)) })).uploadId
    expect(await call(core, 'evidence.verifyBundle', { uploadId })).toMatchObject({ ok: true, problems: [], checked: 3 })
    expect(existsSync(join(core.dataDir, 'imports', 'uploads', uploadId!))).toBe(false)
    await expectRefused('evidence.verifyBundle', { uploadId }, 'NOT_FOUND')
    await expectRefused('evidence.verifyBundle', { uploadId: '../../etc' }, 'INVALID_INPUT')
    const notZip = await core.dispatch('evidence.verifyBundle', { fileName: 'b.zip', dataBase64: b64(Buffer.from('no zip here')) })
    expect(notZip.ok ? '' : notZip.error.code).toBe('BUNDLE_NOT_ZIP')
    await expectRefused('evidence.bundles', { caseId: 'nope' }, 'NOT_FOUND')
    await expectRefused('evidence.bundle.read', { bundleId: 'nope', which: 'pdf' }, 'NOT_FOUND')
  }, 60_000)
})
