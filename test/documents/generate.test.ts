import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { generateDocument } from '../../electron/core/documents/generate'
import { NO_LINE_START } from '../../electron/core/documents/render-pdf/line-break'
import { DOCUMENT_TYPES, type DocumentType } from '../../electron/core/documents/templates'
import { sampleContext } from './fixtures'

/**
 * Every document type, generated from one realistic case and read back with real readers:
 * fflate for the DOCX XML, poppler for the PDF, LibreOffice for the DOCX as a whole.
 */
const work = mkdtempSync(join(tmpdir(), 'casedesk-docs-'))
const artifacts = join(process.cwd(), 'test-results', 'documents')
const docs = new Map<DocumentType, { pdf: Uint8Array; docx: Uint8Array; missing: string[] }>()

/** A fontconfig that knows only DejaVu: a PDF whose embedded font is broken cannot fall back to a system CJK font. */
const isolatedFonts = join(work, 'fonts.conf')
writeFileSync(isolatedFonts, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${work}/fc-cache</cachedir></fontconfig>`)

const squash = (s: string) => s.replace(/\s+/g, '')
/** `raw` keeps content-stream order, so a table cell's lines stay together; `layout` keeps the printed lines. */
const pdfText = (file: string, mode: 'raw' | 'layout' | 'default' = 'default') =>
  execFileSync('pdftotext', [...(mode === 'default' ? [] : [`-${mode}`]), file, '-'], { encoding: 'utf8' })

/** The text of each w:p paragraph in document.xml. */
function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .map((t) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'))
    .filter((t) => t.trim() !== '')
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true })
  const ctx = sampleContext()
  for (const type of DOCUMENT_TYPES) {
    const pdf = await generateDocument(type, ctx, { format: 'pdf' })
    const docx = await generateDocument(type, ctx, { format: 'docx' })
    docs.set(type, { pdf: pdf.bytes, docx: docx.bytes, missing: pdf.missing })
    writeFileSync(join(work, `${type}.pdf`), pdf.bytes)
    writeFileSync(join(work, `${type}.docx`), docx.bytes)
    writeFileSync(join(artifacts, `${type}.pdf`), pdf.bytes)
    writeFileSync(join(artifacts, `${type}.docx`), docx.bytes)
  }
}, 120_000)

describe.each(DOCUMENT_TYPES.map((t) => [t]))('%s', (type) => {
  it('DOCX: document.xml names the borrower, states the amounts, sets 仿宋 for eastAsia and zh-CN', () => {
    const files = unzipSync(docs.get(type)!.docx)
    const xml = strFromU8(files['word/document.xml'])
    expect(xml).toContain('w:eastAsia="仿宋"')
    expect(xml).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/)
    const amount: Partial<Record<DocumentType, string>> = { 'power-of-attorney': '', 'service-address': '', 'evidence-list': '10,000.00' }
    expect(xml).toContain(amount[type] ?? '9,492.66')
    expect(xml).toContain('广州市恒信网络小额贷款有限公司')
    if (type !== 'service-address') expect(xml).toContain('张伟')
    const core = strFromU8(files['docProps/core.xml'])
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-07-01T00:00:00Z</dcterms:created>')
  })

  it('PDF: pdftotext gives back every DOCX paragraph, and no line starts with a closing mark', () => {
    const file = join(work, `${type}.pdf`)
    const text = squash(pdfText(file, 'raw'))
    const xml = strFromU8(unzipSync(docs.get(type)!.docx)['word/document.xml'])
    const paragraphs = docxParagraphs(xml)
    expect(paragraphs.length).toBeGreaterThan(3)
    for (const p of paragraphs) expect(text).toContain(squash(p))
    const lines = pdfText(file, 'layout').split('\n').map((l) => l.trim()).filter(Boolean)
    const bad = lines.filter((l) => NO_LINE_START.has(l[0]) && !/^[.,)%]/.test(l))
    expect(bad).toEqual([])
  })

  it('PDF: the font is embedded, and it renders identically with every system font hidden', () => {
    const file = join(work, `${type}.pdf`)
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n')[2]
    expect(fonts).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/)
    const normal = spawnSync('pdftoppm', ['-r', '30', '-gray', '-f', '1', '-l', '1', file], { maxBuffer: 1 << 26 })
    const isolated = spawnSync('pdftoppm', ['-r', '30', '-gray', '-f', '1', '-l', '1', file], { env: { ...process.env, FONTCONFIG_FILE: isolatedFonts }, maxBuffer: 1 << 26 })
    expect(isolated.stderr.toString()).not.toMatch(/font|Syntax Error/i)
    expect(isolated.status).toBe(0)
    expect(Buffer.compare(normal.stdout, isolated.stdout)).toBe(0)
  })

  it('is reproducible: the same input gives byte-identical PDF and DOCX', async () => {
    const ctx = sampleContext()
    const [pdf, docx] = await Promise.all([generateDocument(type, ctx, { format: 'pdf' }), generateDocument(type, ctx, { format: 'docx' })])
    expect(Buffer.compare(pdf.bytes, docs.get(type)!.pdf)).toBe(0)
    expect(Buffer.compare(docx.bytes, docs.get(type)!.docx)).toBe(0)
  })
})

describe('all types', () => {
  it('a full case leaves at most the employer blank; a demand letter never exceeds claim.total and names only the borrower', () => {
    for (const [type, d] of docs) expect(d.missing.filter((m) => m !== 'borrower.employer'), type).toEqual([])
    const text = squash(pdfText(join(work, 'demand-letter.pdf')))
    const amounts = [...text.matchAll(/(\d{1,3}(?:,\d{3})*\.\d{2})元/g)].map((m) => Number(m[1].replace(/,/g, '')))
    expect(Math.max(...amounts.filter((a) => a !== 10000))).toBe(9492.66)
    expect(text).toContain('张伟：')
  })

  it('LibreOffice converts every DOCX type to PDF without error (one soffice call)', () => {
    const out = join(work, 'soffice')
    const files = DOCUMENT_TYPES.map((t) => join(work, `${t}.docx`))
    const r = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', out, ...files], { encoding: 'utf8', timeout: 180_000 })
    expect(r.status).toBe(0)
    expect(r.stderr.replace(/Warning: failed to launch javaldx.*\n?/g, '').trim()).toBe('')
    expect(readdirSync(out).sort()).toEqual(DOCUMENT_TYPES.map((t) => `${t}.pdf`).sort())
    for (const t of DOCUMENT_TYPES) {
      const text = squash(pdfText(join(out, `${t}.pdf`)))
      expect(text).toContain(t === 'service-address' || t === 'power-of-attorney' ? '广州市恒信网络小额贷款有限公司' : '张伟')
    }
  }, 180_000)

  it('renders page 1 of every type to PNG (test-results/documents/TYPE-1.png) for a look by eye', () => {
    for (const t of DOCUMENT_TYPES) {
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', join(work, `${t}.pdf`), join(artifacts, `${t}-1`)])
      expect(readFileSync(join(artifacts, `${t}-1.png`)).subarray(1, 4).toString(), t).toBe('PNG')
    }
  })
})
