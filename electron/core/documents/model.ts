/**
 * The document model: one description of a legal document that both renderers (DOCX and PDF) read,
 * so the two files say the same thing. It knows nothing about templates or case data; it is what a
 * filled template turns into.
 *
 * Units: lengths are millimetres (page) or points (type sizes); the renderers convert.
 */

/** A piece of text with one style. Paragraphs and cells are lists of runs. */
export interface Run {
  text: string
  bold?: boolean
  underline?: boolean
}

export type Align = 'justify' | 'left' | 'center' | 'right'

/** The document title, centred, 二号 (22 pt) in 宋体/黑体. */
export interface TitleBlock {
  kind: 'title'
  text: string
}

/** A heading. `number` is the printed number ("一、", "（二）") or '' when unnumbered. */
export interface HeadingBlock {
  kind: 'heading'
  level: 1 | 2
  number: string
  text: string
}

/** A body paragraph. `indent` is the 2-character first-line indent of Chinese prose (default true). */
export interface ParagraphBlock {
  kind: 'paragraph'
  runs: Run[]
  align: Align
  indent: boolean
}

/** A list; `ordered` lists print "1." "2." …, unordered print "•". */
export interface ListBlock {
  kind: 'list'
  ordered: boolean
  items: Run[][]
}

export interface TableColumn {
  /** Relative width; the renderers share the text width in proportion. */
  weight: number
  align: Align
}

/** A table. The first `headerRows` rows are repeated at the top of every page the table runs onto. */
export interface TableBlock {
  kind: 'table'
  columns: TableColumn[]
  headerRows: number
  rows: Run[][][]
}

/**
 * A signature block at the bottom right: one line per party ("具状人：张三"), each with room to sign;
 * `seal` adds "（盖章）" after the label, as companies sign with a seal.
 */
export interface SignatureBlock {
  kind: 'signature'
  lines: { label: string; name: string; seal: boolean }[]
}

/** The date line under a signature, right-aligned ("2024年7月1日"). */
export interface DateLineBlock {
  kind: 'dateLine'
  text: string
}

export interface PageBreakBlock {
  kind: 'pageBreak'
}

/** Blank space of `lines` body lines. */
export interface SpacerBlock {
  kind: 'spacer'
  lines: number
}

/**
 * A picture (a chart) centred on its own, `widthMm` × `heightMm` on the page. `alt` is what a screen reader
 * or a text extractor gets instead (DOCX alt text); the figures it shows should also be in the text.
 */
export interface ImageBlock {
  kind: 'image'
  png: Uint8Array
  widthMm: number
  heightMm: number
  alt: string
}

export type Block =
  | TitleBlock
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | SignatureBlock
  | DateLineBlock
  | PageBreakBlock
  | SpacerBlock
  | ImageBlock

export interface PageMarginsMm {
  top: number
  bottom: number
  left: number
  right: number
}

/** Court-style A4 margins (公文格式 GB/T 9704 puts the text block at 156 × 225 mm; these are close to it). */
export const COURT_MARGINS_MM: PageMarginsMm = { top: 37, bottom: 35, left: 28, right: 26 }

export const A4_MM = { width: 210, height: 297 } as const

/** Type sizes in points: 二号 22, 三号 16, 四号 14, 小四 12. */
export const SIZES_PT = { title: 22, heading: 16, body: 16, table: 12, footer: 12, header: 10.5 } as const

export interface DocumentMeta {
  title: string
  /** `YYYY-MM-DD`: used as the file's creation and modification date, so output is reproducible. */
  date: string
  subject?: string
  author?: string
}

export interface DocumentModel {
  meta: DocumentMeta
  margins: PageMarginsMm
  /** Small text at the top of every page (e.g. the case number), or none. */
  header?: string
  /** Print "第 X 页 共 Y 页" at the bottom centre of every page. */
  pageNumbers: boolean
  blocks: Block[]
}

/** The footer text for page `page` of `total`, shared by both renderers. */
export function pageFooterText(page: number, total: number): string {
  return `第 ${page} 页 共 ${total} 页`
}

/** Every character the model can print (used to subset the PDF font). */
export function modelText(model: DocumentModel): string {
  const parts: string[] = [model.meta.title, model.header ?? '', '第页共 0123456789']
  const runs = (rs: Run[]) => rs.map((r) => r.text).join('')
  for (const b of model.blocks) {
    switch (b.kind) {
      case 'title': parts.push(b.text); break
      case 'heading': parts.push(b.number, b.text); break
      case 'paragraph': parts.push(runs(b.runs)); break
      case 'list': b.items.forEach((it, i) => parts.push(runs(it), `${i + 1}.•`)); break
      case 'table': b.rows.forEach((row) => row.forEach((cell) => parts.push(runs(cell)))); break
      case 'signature': b.lines.forEach((l) => parts.push(l.label, l.name, l.seal ? '（盖章）' : '')); break
      case 'dateLine': parts.push(b.text); break
      default: break
    }
  }
  return parts.join('')
}
