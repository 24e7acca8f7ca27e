import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { Document, Packer, PageBreak, Paragraph, TextRun } from 'docx'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pngSize } from '../../electron/core/evidence/file-check'
import { scaledImagePng } from '../../electron/core/evidence/thumbs/scale-image'
import { call, expectRefused, makeCore } from '../helpers/core'
import { makeEvidenceCase } from '../helpers/evidence-case'
import { b64, makeEncryptedPdf, makeJpeg, makeNoisyPng, makePdf, makePng } from '../helpers/evidence-files'
import { tempDir } from '../helpers/temp'

/**
 * evidence.thumbnail: what the list draws for each exhibit. A PDF or DOCX gives a one-page PDF holding its
 * first page (read back with pdftotext; a DOCX converted in a job worker), an image over 5 MB a small PNG of the whole picture turned upright,
 * a small image itself; a stored file that is encrypted or damaged gives a coded zh/en reason, nothing else.
 */
type Core = Awaited<ReturnType<typeof makeCore>>
let core: Core
let caseId: string
const TABLES = ['evidence_items', 'audit_log']

beforeAll(async () => {
  core = await makeCore()
  caseId = (await makeEvidenceCase(core)).caseId
})
afterAll(async () => core?.close())

async function addOne(fileName: string, bytes: Uint8Array) {
  const r = await call(core, 'evidence.add', { caseId, kind: 'other', files: [{ fileName, dataBase64: b64(bytes) }] })
  expect(r.rejected).toEqual([])
  return r.added[0] as { id: string; sha256: string }
}

/** Text of a PDF, by poppler's pdftotext. */
function pdfText(bytes: Uint8Array): string {
  const dir = tempDir()
  writeFileSync(join(dir, 'p.pdf'), bytes)
  return execFileSync('pdftotext', ['-layout', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' })
}

/** RGBA pixels of a PNG (resvg draws it 1:1), to look at what the thumbnail shows. */
function pixels(png: Uint8Array): { width: number; height: number; at(x: number, y: number): number[] } {
  const { width, height } = pngSize(png)!
  const r = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="https://t.invalid/t" width="${width}" height="${height}"/></svg>`)
  for (const h of r.imagesToResolve()) r.resolveImage(h, Buffer.from(png))
  const px = r.render().pixels
  return { width, height, at: (x, y) => [...px.subarray((y * width + x) * 4, (y * width + x) * 4 + 4)] }
}

describe('evidence.thumbnail', () => {
  it('cuts a PDF to its first page, once, and never sends the rest', async () => {
    const pdf = await makePdf(40, 'CONTRACT')
    const item = await addOne('合同.pdf', pdf)
    const t = await call(core, 'evidence.thumbnail', { id: item.id })
    expect(t.kind).toBe('pdf')
    const bytes = Buffer.from(t.dataBase64, 'base64')
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1)
    expect(pdfText(bytes)).toContain('CONTRACT page 1 of 40')
    expect(bytes.length).toBeLessThan(pdf.length / 10)
    expect(existsSync(join(core.dataDir, 'cache', 'thumbs', `${item.sha256}.pdf`))).toBe(true)
    expect(await call(core, 'evidence.thumbnail', { id: item.id })).toEqual(t) // from the cache
  })

  it('gives a DOCX’s first page through its LibreOffice conversion', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph({ children: [new TextRun('借款合同 第一页 FIRSTPAGE')] }),
      new Paragraph({ children: [new PageBreak(), new TextRun('SECONDPAGE')] }),
    ] }] }))
    const item = await addOne('借款合同.docx', docx)
    const t = await call(core, 'evidence.thumbnail', { id: item.id })
    expect(t.kind).toBe('pdf')
    const bytes = Buffer.from(t.dataBase64, 'base64')
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1)
    const text = pdfText(bytes)
    expect(text).toContain('FIRSTPAGE')
    expect(text).not.toContain('SECONDPAGE')
    // Converted in a job worker, not on the thread that answers calls; the second time it comes from the cache.
    expect(core.services.jobs.list().filter((j) => j.kind === 'evidence.thumbnail').map((j) => j.status)).toEqual(['done'])
    expect(await call(core, 'evidence.thumbnail', { id: item.id })).toEqual(t)
    expect(core.services.jobs.list().filter((j) => j.kind === 'evidence.thumbnail')).toHaveLength(1)

    // Without LibreOffice: the worker's refusal comes back with its reason.
    const other = await addOne('备忘录.docx', await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('MEMO')] }] })))
    const soffice = process.env.CASEDESK_SOFFICE
    process.env.CASEDESK_SOFFICE = '/nonexistent/soffice'
    try {
      const e = await expectRefused(core, TABLES, 'evidence.thumbnail', { id: other.id }, 'EVIDENCE_DOCX_NOT_CONVERTIBLE')
      expect(e.messageEn).toContain('LibreOffice is not installed')
    } finally {
      if (soffice === undefined) delete process.env.CASEDESK_SOFFICE
      else process.env.CASEDESK_SOFFICE = soffice
    }
  }, 120_000)

  it('scales an image over 5 MB down to a small PNG of the whole picture; a small image is itself', async () => {
    const big = makeNoisyPng(3000, 1500)
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024)
    const item = await addOne('转账截图.png', big)
    const t = await call(core, 'evidence.thumbnail', { id: item.id })
    expect(t).toMatchObject({ kind: 'image', mime: 'image/png' })
    const png = Buffer.from(t.dataBase64, 'base64')
    expect(png.length).toBeLessThan(100 * 1024)
    const p = pixels(png)
    expect([p.width, p.height]).toEqual([160, 80])
    // The red left half and the noisy right half are both there: the whole picture, scaled.
    const [r, g, b, a] = p.at(20, 40)
    expect([r > 200, g < 40, b < 40, a]).toEqual([true, true, true, 255])
    expect(p.at(140, 40)[0] < 200 || p.at(140, 40)[1] > 40).toBe(true)

    const small = makePng(200, 300)
    const smallItem = await addOne('回单.png', small)
    expect(await call(core, 'evidence.thumbnail', { id: smallItem.id })).toEqual({ kind: 'image', mime: 'image/png', dataBase64: b64(small) })
  }, 60_000)

  it('turns a sideways photo upright as its EXIF orientation says', async () => {
    const jpeg = await makeJpeg() // portrait: an A4 page
    const stored = pngSize((await scaledImagePng(jpeg, 'image/jpeg', 160))!)!
    expect(stored.height).toBeGreaterThan(stored.width)
    // APP1 "Exif" with IFD0 holding Orientation = 6 (turn right), right after the SOI marker.
    const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0])
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 2 + 6 + tiff.length]), Buffer.from('Exif\0\0', 'latin1'), tiff])
    const sideways = Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)])
    const upright = pngSize((await scaledImagePng(sideways, 'image/jpeg', 160))!)!
    expect([upright.width, upright.height]).toEqual([stored.height, stored.width])
  })

  it('gives the reason, in Chinese and English, for a stored file that cannot be drawn', async () => {
    // Files taken in whole, then damaged in the store (intake refuses such files at the door).
    const locked = await addOne('locked.pdf', await makePdf(2, 'LOCKED'))
    writeFileSync(core.ctx.files.pathOf(locked.sha256), await makeEncryptedPdf())
    const e1 = await expectRefused(core, TABLES, 'evidence.thumbnail', { id: locked.id }, 'EVIDENCE_PDF_ENCRYPTED')
    expect([e1.message, e1.messageEn]).toEqual([expect.stringContaining('已加密'), expect.stringContaining('encrypted')])

    const broken = await addOne('broken.pdf', await makePdf(2, 'BROKEN'))
    writeFileSync(core.ctx.files.pathOf(broken.sha256), Buffer.from('%PDF-1.7\n1 0 obj <<< garbage'))
    await expectRefused(core, TABLES, 'evidence.thumbnail', { id: broken.id }, 'EVIDENCE_PDF_CORRUPT')

    const photo = await addOne('photo.png', makeNoisyPng(3000, 1500))
    writeFileSync(core.ctx.files.pathOf(photo.sha256), makeNoisyPng(3000, 1500).subarray(0, 6 * 1024 * 1024))
    const e3 = await expectRefused(core, TABLES, 'evidence.thumbnail', { id: photo.id }, 'EVIDENCE_IMAGE_CORRUPT')
    expect(e3.messageEn).toContain('photo')
    expect(existsSync(join(core.dataDir, 'cache', 'thumbs', `${photo.sha256}.png`))).toBe(false)

    await expectRefused(core, TABLES, 'evidence.thumbnail', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }, 'NOT_FOUND')
    await expectRefused(core, TABLES, 'evidence.thumbnail', {}, 'INVALID_INPUT')
  }, 60_000)
})
