import fontkit from '@pdf-lib/fontkit'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import iconv from 'iconv-lite'
import { existsSync, readFileSync } from 'node:fs'
import { PDFDocument, rgb } from 'pdf-lib'
import subsetFont from 'subset-font'
import { beforeAll, describe, expect, it } from 'vitest'
import { UserError } from '../../../electron/core/errors'
import { parseLprTable } from '../../../electron/core/law/lpr'
import { reviewContract } from '../../../electron/core/review/review'
import { reviewFile } from '../../../electron/core/review/review-file'
import { extractText } from '../../../electron/core/review/text-in'

const lpr = parseLprTable(JSON.parse(readFileSync('resources/data/lpr.json', 'utf8')))
const SHIPPED_FONT = 'resources/fonts/NotoSerifSC-Regular.ttf'
const FONT = existsSync(SHIPPED_FONT) ? SHIPPED_FONT : 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'
const FILES = ['01-private-kantou-flawed.txt', '07-licensed-arbitration.txt', '13-bank-guarantee-fee.txt']
const read = (f: string) => readFileSync(`test/fixtures/contracts/${f}`, 'utf8')

/** A DOCX with one paragraph per line of the contract, made with the docx package. */
async function makeDocx(text: string): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, font: { eastAsia: '宋体' } })] })) }],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/** A PDF with a real text layer: the CJK font pre-subset with subset-font, one drawn line per contract line. */
async function makePdf(text: string): Promise<Uint8Array> {
  const sub = await subsetFont(readFileSync(FONT), [...new Set(text.replace(/\n/g, ''))].join(''), { targetFormat: 'truetype' })
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const font = await doc.embedFont(sub, { subset: false })
  const page = doc.addPage([595, 842])
  text.split('\n').forEach((line, i) => page.drawText(line, { x: 40, y: 800 - i * 16, size: 9, font }))
  return doc.save()
}

/** A "scan": a page with only a drawn picture and no text operators. */
async function makeScannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595, 842])
  page.drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.9, 0.9, 0.85) })
  page.drawLine({ start: { x: 60, y: 600 }, end: { x: 400, y: 600 }, thickness: 2 })
  return doc.save()
}

/** What the same contract must produce from any input: codes, severities and the clause texts (blanks ignored). */
const summary = (findings: { code: string; severity: string; text: string }[]) => findings.map((f) => [f.code, f.severity, f.text.replace(/\s+/g, '')])

describe('extractText', () => {
  it('reads UTF-8 TXT and normalises CRLF without moving other characters', async () => {
    const r = await extractText(new TextEncoder().encode('\uFEFF借款金额：1万元\r\n年利率24%'), 'txt')
    expect(r).toEqual({ text: '借款金额：1万元\n年利率24%', scanned: false })
  })

  it('reads GB18030 TXT when the bytes are not UTF-8', async () => {
    const text = read('02-licensed-clean.txt')
    const r = await extractText(new Uint8Array(iconv.encode(text, 'gb18030')), 'txt')
    expect(r.text).toBe(text)
  })

  it('refuses an empty file and an unreadable DOCX/PDF with codes', async () => {
    await expect(extractText(new Uint8Array(), 'txt')).rejects.toMatchObject({ code: 'REVIEW_EMPTY_FILE' })
    await expect(extractText(new TextEncoder().encode('not a zip'), 'docx')).rejects.toMatchObject({ code: 'REVIEW_UNREADABLE' })
    await expect(extractText(new TextEncoder().encode('not a pdf'), 'pdf')).rejects.toMatchObject({ code: 'REVIEW_UNREADABLE' })
  })
})

describe('DOCX and PDF inputs give the same findings as the TXT', () => {
  const made: Record<string, { docx: Uint8Array; pdf: Uint8Array }> = {}
  beforeAll(async () => {
    for (const f of FILES) made[f] = { docx: await makeDocx(read(f)), pdf: await makePdf(read(f)) }
  }, 60_000)

  for (const f of FILES) {
    it(`${f}: DOCX text is the TXT text, findings identical`, async () => {
      const txt = reviewContract(read(f), {}, lpr)
      const docx = await reviewFile(made[f].docx, 'docx', {}, lpr)
      // The fixture file ends with a line break; a DOCX has no line after its last paragraph.
      expect(docx.source.text).toBe(read(f).trimEnd())
      expect(docx.findings).toEqual(txt.findings)
      expect(docx.allInAnnualCost).toBe(txt.allInAnnualCost)
    })

    it(`${f}: PDF text layer gives the same findings, on the same clauses`, async () => {
      const txt = reviewContract(read(f), {}, lpr)
      const pdf = await reviewFile(made[f].pdf, 'pdf', {}, lpr)
      expect(pdf.source.scanned).toBe(false)
      expect(pdf.source.pages).toEqual([{ page: 1, start: 0, end: pdf.source.text.length }])
      expect(summary(pdf.findings)).toEqual(summary(txt.findings))
      expect(pdf.allInAnnualCost).toBe(txt.allInAnnualCost)
      for (const x of pdf.findings) expect(pdf.source.text.slice(x.start, x.end)).toBe(x.text)
    })
  }
})

describe('a PDF without a text layer', () => {
  it('is reported as scanned by extractText', async () => {
    const r = await extractText(await makeScannedPdf(), 'pdf')
    expect(r.scanned).toBe(true)
    expect(r.pages).toHaveLength(1)
  })

  it('is refused by reviewFile with REVIEW_SCANNED_PDF, not reviewed as an empty contract', async () => {
    const err = await reviewFile(await makeScannedPdf(), 'pdf', {}, lpr).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UserError)
    expect(err).toMatchObject({ code: 'REVIEW_SCANNED_PDF', details: { pages: 1 } })
    expect((err as UserError).messageEn).toContain('no text layer')
  })
})
