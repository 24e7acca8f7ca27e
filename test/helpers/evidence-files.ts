import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib'

/**
 * Real exhibit files made in the tests: multi-page PDFs (pdf-lib), PNGs (written here, valid chunks and
 * CRCs) and JPEGs (a PDF page rendered by poppler's pdftoppm).
 */
export async function makePdf(pages: number, tag = 'EXHIBIT', opts: { rotate?: number; size?: [number, number] } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage(opts.size ?? [595, 842])
    if (opts.rotate) page.setRotation(degrees(opts.rotate))
    page.drawText(`${tag} page ${i} of ${pages}`, { x: 60, y: 400, size: 18, font })
  }
  return doc.save({ useObjectStreams: false })
}

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td) >>> 0)
  return Buffer.concat([len, td, crc])
}

/** A w × h RGB PNG with a colour gradient (seed varies the bytes, so two images differ). */
export function makePng(w: number, h: number, seed = 0): Uint8Array {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  const raw = Buffer.alloc((w * 3 + 1) * h)
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1)
    for (let x = 0; x < w; x++) {
      raw[row + 1 + x * 3] = (x * 7 + seed) & 255
      raw[row + 2 + x * 3] = (y * 5 + seed * 3) & 255
      raw[row + 3 + x * 3] = ((x + y) * 3) & 255
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/**
 * A photo-sized PNG that does not compress (random noise in its right half, solid red in its left), so a
 * w × h of a few megapixels is several megabytes on disk — as a phone photo or a scan is.
 */
export function makeNoisyPng(w: number, h: number): Uint8Array {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const raw = randomBytes((w * 3 + 1) * h)
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1)
    raw[row] = 0 // filter: none
    for (let x = 0; x < w >> 1; x++) raw.set([220, 20, 20], row + 1 + x * 3)
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 1 })), chunk('IEND', Buffer.alloc(0))])
}

/** A real JPEG: page 1 of a small PDF rendered by pdftoppm. */
export async function makeJpeg(tag = 'PHOTO'): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'jpeg-'))
  try {
    writeFileSync(join(dir, 'p.pdf'), await makePdf(1, tag))
    execFileSync('pdftoppm', ['-jpeg', '-r', '30', '-singlefile', join(dir, 'p.pdf'), join(dir, 'out')])
    return readFileSync(join(dir, 'out.jpg'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A PDF whose trailer says it is encrypted (pdf-lib refuses to open it as it would any encrypted file). */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const text = Buffer.from(await makePdf(1)).toString('latin1')
  const i = text.lastIndexOf('trailer')
  const j = text.indexOf('<<', i)
  const patched = text.slice(0, j + 2) + '\n/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -44 /O <00> /U <00> >>' + text.slice(j + 2)
  return Buffer.from(patched, 'latin1')
}

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
