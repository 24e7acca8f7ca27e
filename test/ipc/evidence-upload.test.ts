import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openCore, type OpenedCore } from '../../electron/core/services'
import { startWebBridge, type WebBridge } from '../../electron/web/server'
import { call, expectRefused } from '../helpers/core'
import { makeEvidenceCase } from '../helpers/evidence-case'
import { b64, makePdf } from '../helpers/evidence-files'
import { tempDir } from '../helpers/temp'

/**
 * A 50 MB PDF added from the browser build: through the web bridge over HTTP (each request under its 20 MB
 * limit), staged in 3 MB slices by import.upload — the import wizard's mechanism — then taken in by
 * evidence.add with the uploadId. The same file inline is refused by the bridge as too large. Stored bytes,
 * hash, size and pages are the file's; the staging folder is gone afterwards; an unknown upload changes nothing.
 * The list shows that file by a first-page PDF of a few KB, and the file's 50 MB bundle, too large to send
 * inline, is verified once staged the same way.
 */
let core: OpenedCore
let bridge: WebBridge
let caseId: string
let big: Uint8Array

/** A 3-page PDF carrying a 50 MB stream (random bytes, as a scan's image data would be). */
async function fiftyMbPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makePdf(3, 'SCANNED CONTRACT'))
  const payload = randomBytes(50 * 1024 * 1024)
  const ref = doc.context.register(PDFRawStream.of(doc.context.obj({ Length: payload.length }), payload))
  doc.catalog.set(PDFName.of('CasedeskTestPayload'), ref)
  return doc.save({ useObjectStreams: false })
}

/**
 * What a client sees when the bridge refuses a body over its limit: the bridge answers 413 and closes the
 * connection without reading the rest, so depending on timing the 413 arrives or the socket is cut while the
 * body is still being sent (reset, broken pipe, or undici's own "other side closed").
 */
const REFUSED_TOO_LARGE = [413, 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']

async function rpc(channel: string, input: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`http://127.0.0.1:${bridge.port}/rpc/${channel}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CaseDesk-Token': bridge.token }, body: JSON.stringify(input),
  })
  return { status: r.status, body: await r.json() }
}

beforeAll(async () => {
  core = await openCore({ dataDir: tempDir(), resourcesDir: 'resources', version: 'test', actor: '张律师' })
  caseId = (await makeEvidenceCase(core)).caseId
  bridge = await startWebBridge(core, { rendererDir: tempDir() })
  big = await fiftyMbPdf()
}, 120_000)

afterAll(async () => {
  await bridge?.close()
  await core?.close()
})

it('refuses the 50 MB file inline at the bridge, and takes it in when uploaded in chunks', async () => {
  expect(big.length).toBeGreaterThan(50 * 1024 * 1024)
  // The bridge answers 413 or, still receiving, drops the connection: either way nothing gets in.
  const inline = await rpc('evidence.add', { caseId, kind: 'contract', files: [{ fileName: 'scan.pdf', dataBase64: b64(big) }] }).catch((e: Error) => ({ status: (e.cause as { code?: string })?.code ?? e.message, body: null }))
  expect(REFUSED_TOO_LARGE).toContain(inline.status)
  expect(core.db.raw.prepare('SELECT count(*) FROM evidence_items').pluck().get()).toBe(0)

  const CHUNK = 3 * 1024 * 1024
  let uploadId: string | undefined
  for (let at = 0; at < big.length; at += CHUNK) {
    const r = await rpc('import.upload', { uploadId, name: '借款合同扫描件.pdf', chunkBase64: b64(big.subarray(at, at + CHUNK)) })
    expect(r.body.ok).toBe(true)
    uploadId = r.body.data.uploadId
    expect(r.body.data.sizeBytes).toBe(Math.min(big.length, at + CHUNK))
  }
  const added = await rpc('evidence.add', { caseId, kind: '借款合同', purpose: '证明借贷关系', files: [{ uploadId }] })
  expect(added.body.ok).toBe(true)
  expect(added.body.data.rejected).toEqual([])
  const sha256 = createHash('sha256').update(big).digest('hex')
  expect(added.body.data.added).toMatchObject([{ name: '借款合同扫描件', fileName: '借款合同扫描件.pdf', size: big.length, sha256, pages: 3, kind: 'contract', addedBy: '张律师' }])
  expect(createHash('sha256').update(core.ctx.files.read(sha256)).digest('hex')).toBe(sha256)
  // The staged copy is gone once taken in.
  const uploads = join(core.ctx.platform.dataDir, 'imports', 'uploads')
  expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([])
}, 180_000)

/** Sends a file to the bridge as the app does: import.upload in 3 MB slices, each request well under 20 MB. */
async function uploadInChunks(bytes: Uint8Array, name: string): Promise<string> {
  const CHUNK = 3 * 1024 * 1024
  let uploadId: string | undefined
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const r = await rpc('import.upload', { uploadId, name, chunkBase64: b64(bytes.subarray(at, at + CHUNK)) })
    expect(r.body.ok).toBe(true)
    uploadId = r.body.data.uploadId
  }
  return uploadId!
}

it('shows the 50 MB exhibit by a first-page thumbnail of a few KB, and verifies its 50 MB bundle uploaded in chunks', async () => {
  const [item] = await core.services.evidence.list(caseId)
  const thumb = await rpc('evidence.thumbnail', { id: item.id })
  expect(thumb.body.ok).toBe(true)
  const firstPage = Buffer.from(thumb.body.data.dataBase64, 'base64')
  expect(firstPage.length).toBeLessThan(20 * 1024)
  expect((await PDFDocument.load(firstPage)).getPageCount()).toBe(1)

  const bundle = await core.services.evidence.bundle({ caseId, out: join(tempDir(), 'bundle.zip') })
  const zip = readFileSync(bundle.zip)
  expect(zip.length).toBeGreaterThan(20 * 1024 * 1024)
  const inline = await rpc('evidence.verifyBundle', { fileName: 'bundle.zip', dataBase64: b64(zip) }).catch((e: Error) => ({ status: (e.cause as { code?: string })?.code ?? e.message, body: null }))
  expect(REFUSED_TOO_LARGE).toContain(inline.status)

  const verified = await rpc('evidence.verifyBundle', { uploadId: await uploadInChunks(zip, 'bundle.zip') })
  expect(verified.body).toEqual({ ok: true, data: { ok: true, problems: [], checked: 3 } })
  const uploads = join(core.ctx.platform.dataDir, 'imports', 'uploads')
  expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([])

  // A received copy with one byte of a PDF in it changed (PDFs are stored, not deflated): verify finds it.
  const pdfAt = zip.indexOf(Buffer.from(readFileSync(bundle.pdf).subarray(0, 64)))
  expect(pdfAt).toBeGreaterThan(0)
  const tampered = Buffer.from(zip)
  tampered[pdfAt + 40] ^= 0x01
  const bad = await rpc('evidence.verifyBundle', { uploadId: await uploadInChunks(tampered, 'bundle.zip') })
  expect(bad.body.data.ok).toBe(false)
  expect(bad.body.data.problems.map((p: { file: string; code: string }) => p.code)).toContain('hash_mismatch')
}, 240_000)

it('refuses an unknown upload with nothing stored, and discards a staged file that was refused', async () => {
  await expectRefused(core, ['evidence_items', 'audit_log'], 'evidence.add', { caseId, kind: 'contract', files: [{ uploadId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }] }, 'NOT_FOUND')
  await expectRefused(core, ['evidence_items', 'audit_log'], 'evidence.add', { caseId, kind: 'contract', files: [{ uploadId: '../../etc' }] }, 'INVALID_INPUT')
  const staged = await call(core, 'import.upload', { name: 'notes.txt', chunkBase64: b64(Buffer.from('not an exhibit')) })
  const r = await call(core, 'evidence.add', { caseId, kind: 'contract', files: [{ uploadId: staged.uploadId }] })
  expect(r.rejected.map((x: { file: string; code: string }) => [x.file, x.code])).toEqual([['notes.txt', 'EVIDENCE_UNSUPPORTED_TYPE']])
  expect(existsSync(join(core.ctx.platform.dataDir, 'imports', 'uploads', staged.uploadId))).toBe(false)
})
