import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import type { BundleResult } from '../../shared/domain/evidence'
import { makeCore } from '../helpers/core'
import { makeEvidenceCase } from '../helpers/evidence-case'
import { makeJpeg, makePdf, makePng } from '../helpers/evidence-files'
import { tempDir } from '../helpers/temp'

/**
 * The bundle read back with real tools: poppler (pdfinfo, pdftotext per page), pdf-lib for the outline and
 * links, unzip + `sha256sum -c` for the export, and the verifier against tampered copies.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
let caseId: string
let caseNo: string
let out: string
let bundle: BundleResult
const EXHIBIT_PAGES = [3, 1, 1, 2, 4]

const pageText = (pdf: string, n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-']).toString()

beforeAll(async () => {
  core = await makeCore()
  ;({ caseId, caseNo } = await makeEvidenceCase(core))
  const add = async (kind: string, name: string, fileName: string, bytes: Uint8Array, parentId?: string) =>
    (await core.services.evidence.add({ caseId, kind: kind as never, name, purpose: `证明${name}`, source: '原告提供', parentId }, [{ fileName, bytes }])).added[0]
  const contract = await add('contract', '借款合同', 'contract.pdf', await makePdf(3, 'CONTRACT'))
  await add('disbursement', '放款回单', 'receipt.png', makePng(300, 500))
  await add('identity', '身份证', 'id.jpg', await makeJpeg('IDCARD'))
  // A landscape, rotated page: the stamp must still read upright and be found by pdftotext.
  await add('repayment_record', '还款流水', 'flow.pdf', await makePdf(2, 'FLOW', { rotate: 90, size: [842, 595] }))
  await add('esign_certificate', '电子签名证书', 'cert.pdf', await makePdf(4, 'CERT'), contract.id)
  out = tempDir()
  bundle = await core.services.evidence.bundle({ caseId, out: join(out, 'bundle.zip'), batesPrefix: 'HZ2024' })
}, 120_000)

describe('bundle PDF', () => {
  it('has the index pages plus every exhibit page, with the ranges the index prints', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [bundle.pdf]).toString())![1])
    expect(pages).toBe(bundle.pages)
    // Order: contract (3) with its sub-item cert (4), then receipt, ID, flow.
    const order = [['1', 3], ['1-1', 4], ['2', 1], ['3', 1], ['4', 2]] as const
    expect(bundle.pages).toBe(bundle.indexPages + EXHIBIT_PAGES.reduce((a, b) => a + b))
    let next = bundle.indexPages + 1
    expect(bundle.exhibits.map((e) => [e.no, e.firstPage, e.lastPage])).toEqual(order.map(([no, n]) => { const r = [no, next, next + n - 1]; next += n; return r }))
    const index = Array.from({ length: bundle.indexPages }, (_, i) => pageText(bundle.pdf, i + 1)).join('\n')
    for (const e of bundle.exhibits) {
      const range = e.firstPage === e.lastPage ? `${e.firstPage}` : `${e.firstPage}-${e.lastPage}`
      expect(index).toMatch(new RegExp(`^\\s*${e.no}\\s+.*\\s${range}\\s+复印件`, 'm'))
    }
    expect(pageText(bundle.pdf, bundle.exhibits[0].firstPage)).toContain('CONTRACT page 1 of 3')
    expect(pageText(bundle.pdf, bundle.exhibits[0].lastPage)).toContain('CONTRACT page 3 of 3')
    expect(pageText(bundle.pdf, bundle.exhibits[1].firstPage)).toContain('CERT page 1 of 4')
    expect(pageText(bundle.pdf, bundle.exhibits[4].lastPage)).toContain('FLOW page 2 of 2')
  })

  it('stamps every page N with 第 N 页, its exhibit and the Bates number', () => {
    const owner = (n: number) => bundle.exhibits.find((e) => n >= e.firstPage && n <= e.lastPage)
    for (let n = 1; n <= bundle.pages; n++) {
      const text = pageText(bundle.pdf, n).replace(/\s+/g, ' ')
      expect(text, `page ${n}`).toContain(`第 ${n} 页`)
      expect(text).toContain(`HZ2024-${String(n).padStart(6, '0')}`)
      expect(text).toContain(caseNo)
      expect(text).toContain(n === 1 ? '封面' : owner(n) ? `证据${owner(n)!.no}` : '证据目录')
    }
  })

  it('has one bookmark per exhibit (sub-items nested) and index links to each first page', async () => {
    const doc = await PDFDocument.load(readFileSync(bundle.pdf))
    const pageRefs = doc.getPages().map((p) => p.ref.toString())
    const lookup = (ref: unknown) => doc.context.lookup(ref as PDFRef) as PDFDict
    const destPage = (d: PDFDict) => pageRefs.indexOf((d.lookup(PDFName.of('Dest'), PDFArray).get(0) as PDFRef).toString()) + 1
    const title = (d: PDFDict) => (d.lookup(PDFName.of('Title')) as PDFHexString | PDFString).decodeText()
    const walk = (first: unknown): { title: string; page: number; children: unknown[] }[] => {
      const items = []
      for (let ref = first; ref; ref = lookup(ref).get(PDFName.of('Next'))) {
        const d = lookup(ref)
        items.push({ title: title(d), page: destPage(d), children: d.get(PDFName.of('First')) ? walk(d.get(PDFName.of('First'))) : [] })
      }
      return items
    }
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict)
    const tree = walk(outlines.get(PDFName.of('First')))
    const flat = tree.flatMap((t) => [t, ...(t.children as typeof tree)])
    expect(flat).toHaveLength(bundle.exhibits.length + 1)
    expect(tree[0]).toMatchObject({ title: '证据目录', page: 2 })
    expect(tree.slice(1).map((t) => [t.title.split(' ')[0], t.page, t.children.length])).toEqual([['证据1', 3, 1], ['证据2', bundle.exhibits[2].firstPage, 0], ['证据3', bundle.exhibits[3].firstPage, 0], ['证据4', bundle.exhibits[4].firstPage, 0]])
    expect((tree[1].children[0] as { page: number }).page).toBe(bundle.exhibits[1].firstPage)
    const links = doc.getPages().slice(0, bundle.indexPages).flatMap((p) => {
      const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
      return annots ? annots.asArray().map((a) => destPage(lookup(a))) : []
    })
    expect(links.sort((a, b) => a - b)).toEqual(bundle.exhibits.map((e) => e.firstPage))
  })
})

describe('bundle ZIP', () => {
  const unpack = (zip: string) => {
    const dir = tempDir()
    execFileSync('unzip', ['-q', zip, '-d', dir])
    return dir
  }

  it('unzips into the PDF, the originals, manifest.json and a SHA256SUMS that sha256sum -c accepts', () => {
    const dir = unpack(bundle.zip)
    const r = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' })
    expect(r.status, r.stdout + r.stderr).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(bundle.exhibits.length + 2)
    expect(readdirSync(join(dir, 'originals')).sort()).toEqual(['证据1-1-电子签名证书.pdf', '证据1-借款合同.pdf', '证据2-放款回单.png', '证据3-身份证.jpg', '证据4-还款流水.pdf'])
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ casedeskVersion: 'test', case: { caseNo }, bundle: { pages: bundle.pages, sha256: bundle.pdfSha256 }, batesPrefix: 'HZ2024' })
    expect(manifest.exhibits.map((e: any) => [e.no, e.firstPage, e.lastPage, e.sha256])).toEqual(bundle.exhibits.map((e) => [e.no, e.firstPage, e.lastPage, e.sha256]))
    expect(readFileSync(bundle.pdf)).toEqual(readFileSync(join(dir, manifest.bundle.file)))
    expect(core.services.evidence.verifyBundle(bundle.zip)).toMatchObject({ ok: true, problems: [] })
    expect(core.services.evidence.verifyBundle(dir)).toMatchObject({ ok: true, problems: [] })
  })

  it('flipping one byte of one exhibit makes verify fail naming that file, in the folder and in the ZIP', () => {
    const dir = unpack(bundle.zip)
    const file = join(dir, 'originals', '证据2-放款回单.png')
    const bytes = readFileSync(file)
    bytes[100] ^= 0xff
    writeFileSync(file, bytes)
    const r = core.services.evidence.verifyBundle(dir)
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual([{ file: 'originals/证据2-放款回单.png', expected: bundle.exhibits[2].sha256, actual: expect.any(String), code: 'hash_mismatch' }])
    expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).status).toBe(1)
    // The same flip inside the ZIP (entries are stored, so the byte is there as is).
    const zip = readFileSync(bundle.zip)
    // Search after the entry's own name: the bundle PDF (first in the ZIP) carries the PNG's image data too.
    const header = zip.indexOf(Buffer.from('originals/证据2-放款回单.png'))
    const at = zip.indexOf(Buffer.from(readFileSync(join(unpack(bundle.zip), 'originals', '证据2-放款回单.png')).subarray(80, 120)), header)
    zip[at + 20] ^= 0xff
    const tampered = join(tempDir(), 'tampered.zip')
    writeFileSync(tampered, zip)
    expect(core.services.evidence.verifyBundle(tampered).problems.map((p) => [p.file, p.code])).toEqual([['originals/证据2-放款回单.png', 'hash_mismatch']])
  })

  it('reports missing, extra and unsafe entries', () => {
    const entries = unzipSync(readFileSync(bundle.zip))
    delete entries['originals/证据3-身份证.jpg']
    entries['notes.txt'] = strToU8('added later')
    entries['../escape.txt'] = strToU8('x')
    const zip = join(tempDir(), 'edited.zip')
    writeFileSync(zip, zipSync(entries))
    const r = core.services.evidence.verifyBundle(zip)
    expect(r.ok).toBe(false)
    expect(r.problems.map((p) => [p.file, p.code]).sort()).toEqual([['../escape.txt', 'unsafe_name'], ['notes.txt', 'extra'], ['originals/证据3-身份证.jpg', 'missing']])
  })

  it('a bundle that cannot be built leaves no file behind', async () => {
    const other = (await makeEvidenceCase(core, 7)).caseId
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') })
    await core.services.evidence.add({ caseId: other, kind: 'other' }, [{ fileName: 'memo.docx', bytes: docx }])
    const dir = join(tempDir(), 'none')
    mkdirSync(dir)
    const saved = process.env.CASEDESK_SOFFICE
    process.env.CASEDESK_SOFFICE = '/nonexistent/soffice'
    try {
      await expect(core.services.evidence.bundle({ caseId: other, out: join(dir, 'b.zip') })).rejects.toMatchObject({ code: 'EVIDENCE_DOCX_NOT_CONVERTIBLE' })
    } finally {
      if (saved === undefined) delete process.env.CASEDESK_SOFFICE
      else process.env.CASEDESK_SOFFICE = saved
    }
    expect(readdirSync(dir)).toEqual([])
    expect(existsSync(join(dir, 'b.pdf'))).toBe(false)
  })
})
