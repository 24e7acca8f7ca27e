import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, rgb } from 'pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { jpegOrientation } from '../../electron/core/evidence/bundle/jpeg-orientation'
import type { BundleResult } from '../../shared/domain/evidence'
import { makeCore } from '../helpers/core'
import { makeEvidenceCase } from '../helpers/evidence-case'
import { tempDir } from '../helpers/temp'

/**
 * A phone photo stored sideways with EXIF Orientation 6 must stand upright in the bundle. The photo: a
 * landscape JPEG (poppler-rendered) whose left half is black. Upright (turned a quarter right) the black half
 * is on top; drawn as stored it would be on the left. The bundle page is rendered back by pdftoppm and the
 * halves' brightness compared.
 */
let dir: string

async function halfBlackJpeg(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([400, 200])
  page.drawRectangle({ x: 0, y: 0, width: 200, height: 200, color: rgb(0, 0, 0) })
  writeFileSync(join(dir, 'photo.pdf'), await doc.save())
  execFileSync('pdftoppm', ['-jpeg', '-r', '72', '-singlefile', join(dir, 'photo.pdf'), join(dir, 'photo')])
  return readFileSync(join(dir, 'photo.jpg'))
}

/** The JPEG with an APP1 Exif segment (big-endian TIFF, IFD0 holding only Orientation) right after SOI. */
function withOrientation(jpeg: Uint8Array, orientation: number, little = false): Uint8Array {
  const tiff = Buffer.alloc(26)
  tiff.write(little ? 'II' : 'MM', 0, 'latin1')
  const u16 = (v: number, o: number) => (little ? tiff.writeUInt16LE(v, o) : tiff.writeUInt16BE(v, o))
  const u32 = (v: number, o: number) => (little ? tiff.writeUInt32LE(v, o) : tiff.writeUInt32BE(v, o))
  u16(42, 2)
  u32(8, 4)
  u16(1, 8) // one entry
  u16(0x0112, 10)
  u16(3, 12) // SHORT
  u32(1, 14)
  u16(orientation, 18)
  u32(0, 22) // no next IFD
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const head = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255])
  return Buffer.concat([jpeg.subarray(0, 2), head, body, jpeg.subarray(2)])
}

/** Mean grey level of the page's top and bottom halves and its left and right halves (0 black, 255 white). */
function halves(pdf: string, pageNo: number) {
  const base = join(dir, `page-${pageNo}`)
  execFileSync('pdftoppm', ['-gray', '-r', '20', '-f', String(pageNo), '-l', String(pageNo), '-singlefile', pdf, base])
  const pgm = readFileSync(`${base}.pgm`)
  const [, w, h] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!.map(Number)
  const px = pgm.subarray(pgm.length - w * h)
  const mean = (x0: number, x1: number, y0: number, y1: number) => {
    let s = 0
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) s += px[y * w + x]
    return s / ((x1 - x0) * (y1 - y0))
  }
  return { top: mean(0, w, 0, h >> 1), bottom: mean(0, w, h >> 1, h), left: mean(0, w >> 1, 0, h), right: mean(w >> 1, w, 0, h) }
}

beforeAll(() => {
  dir = tempDir()
})

describe('EXIF orientation', () => {
  it('reads the tag from big- and little-endian Exif, 1 when there is none', async () => {
    const jpeg = await halfBlackJpeg()
    expect(jpegOrientation(jpeg)).toBe(1)
    expect(jpegOrientation(withOrientation(jpeg, 6))).toBe(6)
    expect(jpegOrientation(withOrientation(jpeg, 8, true))).toBe(8)
  })

  it('stands a photo with orientation 6 upright in the bundle; one without the tag stays as stored', async () => {
    const core = await makeCore()
    const { caseId } = await makeEvidenceCase(core)
    const jpeg = await halfBlackJpeg()
    await core.services.evidence.add({ caseId, kind: 'identity', name: '身份证（手机拍摄）', purpose: '证明被告身份' }, [{ fileName: 'id-rotated.jpg', bytes: withOrientation(jpeg, 6) }])
    await core.services.evidence.add({ caseId, kind: 'identity', name: '身份证（扫描）', purpose: '证明被告身份' }, [{ fileName: 'id-plain.jpg', bytes: jpeg }])
    const b: BundleResult = await core.services.evidence.bundle({ caseId, out: join(dir, 'bundle.zip') })
    const rotated = halves(b.pdf, b.exhibits[0].firstPage)
    // Upright: black on top, and as wide as the page allows for a portrait photo — left and right alike.
    expect(rotated.bottom - rotated.top).toBeGreaterThan(60)
    expect(Math.abs(rotated.left - rotated.right)).toBeLessThan(15)
    const plain = halves(b.pdf, b.exhibits[1].firstPage)
    expect(plain.right - plain.left).toBeGreaterThan(30)
    expect(Math.abs(plain.top - plain.bottom)).toBeLessThan(15)
    await core.close()
  }, 120_000)
})
