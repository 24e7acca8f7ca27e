import {
  AlignmentType,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type IRunOptions,
} from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { xmlOf } from './docx-xml'
import { A4_MM, SIZES_PT, type Align, type Block, type DocumentModel, type Run } from './model'
import { writeZip, zipEntry, type ZipEntry } from './zip-writer'

/**
 * Model → DOCX. Chinese court typesetting: 仿宋 三号 body, 宋体 二号 bold title, 黑体 headings, zh-CN runs,
 * page numbers as Word fields ("第 X 页 共 Y 页"). Every font slot is set (ascii/hAnsi/eastAsia/cs) because
 * Word picks the slot per character class, and LibreOffice needs the eastAsia one to choose a CJK face.
 */
const FONT = {
  body: { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋', cs: 'FangSong' },
  title: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' },
  heading: { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' },
} as const
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' }
const halfPoints = (pt: number) => Math.round(pt * 2)
/** Fixed 28 pt line pitch (22 lines on the page, as in 公文); twentieths of a point. */
const BODY_LINE = { line: 560, lineRule: 'exact' as const }
const ALIGN = { justify: AlignmentType.BOTH, left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT }

function run(r: Run, opts: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text: r.text, bold: r.bold, underline: r.underline ? {} : undefined, font: FONT.body, language: LANGUAGE, ...opts })
}

function para(runs: Run[], align: Align, indent: boolean, extra: Partial<IRunOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    indent: indent ? { firstLine: convertPt(SIZES_PT.body * 2) } : undefined,
    spacing: BODY_LINE,
    children: runs.map((r) => run(r, extra)),
  })
}

const convertPt = (pt: number) => Math.round(pt * 20)

function table(b: Extract<Block, { kind: 'table' }>, textWidthTwip: number): Table {
  const total = b.columns.reduce((s, c) => s + c.weight, 0)
  const widths = b.columns.map((c) => Math.floor((textWidthTwip * c.weight) / total))
  return new Table({
    width: { size: textWidthTwip, type: WidthType.DXA },
    columnWidths: widths,
    rows: b.rows.map((row, ri) => new TableRow({
      tableHeader: ri < b.headerRows,
      cantSplit: true,
      children: row.map((cell, ci) => new TableCell({
        width: { size: widths[ci], type: WidthType.DXA },
        children: [new Paragraph({
          alignment: ALIGN[ri < b.headerRows ? 'center' : b.columns[ci].align],
          children: cell.map((r) => run(r, { size: halfPoints(SIZES_PT.table), bold: r.bold || ri < b.headerRows })),
        })],
      })),
    })),
  })
}

function blockToDocx(b: Block, textWidthTwip: number): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return [new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: convertPt(SIZES_PT.body) },
        children: [new TextRun({ text: b.text, bold: true, size: halfPoints(SIZES_PT.title), font: FONT.title, language: LANGUAGE })],
      })]
    case 'heading':
      return [new Paragraph({
        keepNext: true,
        keepLines: true,
        spacing: BODY_LINE,
        indent: { firstLine: convertPt(SIZES_PT.body * 2) },
        children: [new TextRun({ text: b.number + b.text, font: b.level === 1 ? FONT.heading : FONT.body, bold: b.level === 2, language: LANGUAGE })],
      })]
    case 'paragraph':
      return [para(b.runs, b.align, b.indent)]
    case 'list':
      return b.items.map((item, i) => new Paragraph({
        alignment: AlignmentType.BOTH,
        spacing: BODY_LINE,
        indent: { left: convertPt(SIZES_PT.body * 2), hanging: convertPt(SIZES_PT.body * 1.5) },
        children: [run({ text: b.ordered ? `${i + 1}. ` : '• ' }), ...item.map((r) => run(r))],
      }))
    case 'table':
      return [table(b, textWidthTwip), new Paragraph({ spacing: BODY_LINE, children: [] })]
    case 'signature':
      return [
        new Paragraph({ spacing: BODY_LINE, children: [] }),
        ...b.lines.map((l) => new Paragraph({
          alignment: AlignmentType.RIGHT,
          keepNext: true,
          spacing: BODY_LINE,
          children: [run({ text: `${l.label}${l.name || '　'.repeat(6)}${l.seal ? '（盖章）' : ''}` })],
        })),
      ]
    case 'dateLine':
      return [para([{ text: b.text }], 'right', false)]
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })]
    case 'spacer':
      return Array.from({ length: b.lines }, () => new Paragraph({ spacing: BODY_LINE, children: [] }))
    case 'image':
      // docx sizes pictures in CSS pixels (96 per inch); no fixed line pitch, or Word clips the picture to one line.
      return [new Paragraph({
        alignment: AlignmentType.CENTER,
        keepLines: true,
        children: [new ImageRun({
          type: 'png',
          data: b.png,
          transformation: { width: Math.round((b.widthMm / 25.4) * 96), height: Math.round((b.heightMm / 25.4) * 96) },
          altText: { name: b.alt, title: b.alt, description: b.alt },
        })],
      })]
  }
}

function coreXml(model: DocumentModel): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const stamp = `${model.meta.date}T00:00:00Z`
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    + `<dc:title>${esc(model.meta.title)}</dc:title>`
    + (model.meta.subject ? `<dc:subject>${esc(model.meta.subject)}</dc:subject>` : '')
    + `<dc:creator>${esc(model.meta.author ?? 'CaseDesk')}</dc:creator><cp:lastModifiedBy>CaseDesk</cp:lastModifiedBy>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`
    + '</cp:coreProperties>'
}

/** The constant parts of a DOCX for one page setup, built once by docx and kept, compressed. */
interface Skeleton {
  /** The File the parts came from: the context its components are formatted in. */
  file: Document
  /** document.xml before and after the body. */
  before: string
  after: string
  /** header1.xml split where the running header's text goes (when the setup has a header). */
  header?: { name: string; before: string; after: string }
  /** Every part in docx's order; a `slot` marks where a per-document part goes. */
  parts: (ZipEntry | { slot: 'document' | 'header' | 'core' })[]
  /** document.xml of body blocks already written in this setup, by the block's content. */
  blocks: Map<string, string>
}

/** Body blocks kept per page setup: a batch's boilerplate paragraphs are the same in every letter. */
const BLOCKS_KEPT = 4000

const BODY_TOKEN = '\uE000CASEDESK-BODY\uE000'
const HEADER_TOKEN = '\uE000CASEDESK-HEADER\uE000'
const skeletons = new Map<string, Skeleton>()

function docxFile(model: DocumentModel, header: string | undefined, body: (Paragraph | Table)[]) {
  const m = model.margins
  const footerParagraph = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: halfPoints(SIZES_PT.footer), font: FONT.body, language: LANGUAGE })],
  })
  return new Document({
    title: model.meta.title,
    subject: model.meta.subject,
    creator: 'CaseDesk',
    styles: { default: { document: { run: { font: FONT.body, size: halfPoints(SIZES_PT.body), language: LANGUAGE } } } },
    sections: [{
      properties: {
        page: {
          size: { width: convertMillimetersToTwip(A4_MM.width), height: convertMillimetersToTwip(A4_MM.height) },
          margin: {
            top: convertMillimetersToTwip(m.top),
            bottom: convertMillimetersToTwip(m.bottom),
            left: convertMillimetersToTwip(m.left),
            right: convertMillimetersToTwip(m.right),
            header: convertMillimetersToTwip(15),
            footer: convertMillimetersToTwip(18),
          },
        },
      },
      headers: header !== undefined
        ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: header, size: halfPoints(SIZES_PT.header), font: FONT.body, language: LANGUAGE })] })] }) }
        : undefined,
      footers: model.pageNumbers ? { default: new Footer({ children: [footerParagraph] }) } : undefined,
      children: body,
    }],
  })
}

/** Splits `xml` around the element `tag` (e.g. "w:p") that contains `token`. */
function splitAround(xml: string, token: string, tag: string): [string, string] {
  const at = xml.indexOf(token)
  const start = xml.lastIndexOf(`<${tag}>`, at)
  const end = xml.indexOf(`</${tag}>`, at) + tag.length + 3
  if (at < 0 || start < 0 || end < tag.length + 3) throw new Error(`DOCX skeleton: ${token} not found`)
  return [xml.slice(0, start), xml.slice(end)]
}

/**
 * The parts every document with this page setup shares (styles, numbering, settings, font table, theme,
 * footer, relationships, content types), made by docx once from a File whose body is a marker paragraph.
 * Only the setup goes into the key — margins, whether there is a running header, page numbers — never the
 * text, so a batch of letters builds this once.
 */
async function skeletonFor(model: DocumentModel): Promise<Skeleton> {
  const key = JSON.stringify([model.margins, model.header !== undefined, model.pageNumbers])
  let sk = skeletons.get(key)
  if (sk) return sk
  const file = docxFile(model, model.header === undefined ? undefined : HEADER_TOKEN, [new Paragraph({ children: [new TextRun(BODY_TOKEN)] })])
  const zip = unzipSync(new Uint8Array(await Packer.toBuffer(file)))
  const [before, after] = splitAround(strFromU8(zip['word/document.xml']), BODY_TOKEN, 'w:p')
  sk = { file, before, after, parts: [], blocks: new Map() }
  for (const [name, data] of Object.entries(zip)) {
    if (name === 'word/document.xml') sk.parts.push({ slot: 'document' })
    else if (name === 'docProps/core.xml') sk.parts.push({ slot: 'core' })
    else if (model.header !== undefined && strFromU8(data).includes(HEADER_TOKEN)) {
      const [b, a] = strFromU8(data).split(HEADER_TOKEN)
      sk.header = { name, before: b, after: a }
      sk.parts.push({ slot: 'header' })
    } else sk.parts.push(zipEntry(name, data))
  }
  skeletons.set(key, sk)
  return sk
}

/** The block kinds the skeleton path writes; anything else (pictures, with their media parts) goes through Packer. */
const BODY_ONLY_KINDS = new Set<Block['kind']>(['title', 'heading', 'paragraph', 'list', 'table', 'signature', 'dateLine', 'pageBreak', 'spacer'])

/** Text escaped as docx escapes the content of w:t. */
const escapeText = (s: string) => xmlOf({ t: s }).slice(3, -4)

/**
 * Renders a document model to DOCX bytes. Pure and reproducible: the same model gives the same bytes
 * (file dates come from `model.meta.date`, not the clock).
 *
 * Speed: docx builds and serializes its whole package (default styles, numbering, settings…) for every
 * File, ~20 ms for a one-page letter, and zips it in JavaScript. Only document.xml, the running header
 * and core.xml differ between documents of one page setup, so the rest is made once (`skeletonFor`),
 * the body's components are still docx's own, formatted in the skeleton's context (each distinct block
 * once per setup: a batch's boilerplate paragraphs are formatted by the first letter), and the parts are
 * zipped with native zlib, the constant ones compressed once.
 */
export async function renderDocx(model: DocumentModel): Promise<Uint8Array> {
  const textWidthTwip = convertMillimetersToTwip(A4_MM.width - model.margins.left - model.margins.right)
  if (!model.blocks.every((b) => BODY_ONLY_KINDS.has(b.kind))) return renderWithPacker(model)
  const sk = await skeletonFor(model)
  const context = { file: sk.file, viewWrapper: sk.file.Document, stack: [] }
  let xml = sk.before
  for (const b of model.blocks) {
    // A block's XML depends only on the block and the page setup, so the same paragraph is written once.
    const key = JSON.stringify(b)
    let part = sk.blocks.get(key)
    if (part === undefined) {
      part = blockToDocx(b, textWidthTwip).map((c) => xmlOf(c.prepForXml(context as never))).join('')
      if (sk.blocks.size >= BLOCKS_KEPT) sk.blocks.clear()
      sk.blocks.set(key, part)
    }
    xml += part
  }
  xml += sk.after
  const entries = sk.parts.map((p) => {
    if (!('slot' in p)) return p
    if (p.slot === 'document') return zipEntry('word/document.xml', xml)
    if (p.slot === 'core') return zipEntry('docProps/core.xml', coreXml(model))
    return zipEntry(sk.header!.name, sk.header!.before + escapeText(model.header!) + sk.header!.after)
  })
  return writeZip(entries, model.meta.date)
}

/** The whole package through docx's Packer (documents with pictures), zipped the same way. */
export async function renderWithPacker(model: DocumentModel, body = model.blocks.flatMap((b) => blockToDocx(b, convertMillimetersToTwip(A4_MM.width - model.margins.left - model.margins.right)))): Promise<Uint8Array> {
  const file = docxFile(model, model.header, body)
  const zip = unzipSync(new Uint8Array(await Packer.toBuffer(file, false, [{ path: 'docProps/core.xml', data: coreXml(model) }])))
  return writeZip(Object.entries(zip).map(([name, data]) => zipEntry(name, data)), model.meta.date)
}
