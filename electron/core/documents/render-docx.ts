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
import { A4_MM, SIZES_PT, type Align, type Block, type DocumentModel, type Run } from './model'
import { setZipTimestamps } from './zip-timestamps'

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

/**
 * Renders a document model to DOCX bytes. Pure and reproducible: the same model gives the same bytes
 * (file dates come from `model.meta.date`, not the clock).
 */
export async function renderDocx(model: DocumentModel): Promise<Uint8Array> {
  const m = model.margins
  const textWidthTwip = convertMillimetersToTwip(A4_MM.width - m.left - m.right)
  const footerParagraph = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'], size: halfPoints(SIZES_PT.footer), font: FONT.body, language: LANGUAGE })],
  })
  const doc = new Document({
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
      headers: model.header
        ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: model.header, size: halfPoints(SIZES_PT.header), font: FONT.body, language: LANGUAGE })] })] }) }
        : undefined,
      footers: model.pageNumbers ? { default: new Footer({ children: [footerParagraph] }) } : undefined,
      children: model.blocks.flatMap((b) => blockToDocx(b, textWidthTwip)),
    }],
  })
  const buf = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(model) }])
  return setZipTimestamps(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), model.meta.date)
}
