import { A4_MM, SIZES_PT, pageFooterText, type Block, type DocumentModel } from '../model'
import { Composer } from './composer'
import { breakLines, type Measure } from './line-break'
import { PT_PER_MM, type PageGeometry, type PageLayout } from './ops'
import { layoutTable } from './table-layout'

/** Body: 三号 (16 pt) on a 28 pt pitch, as in 公文 (22 lines a page). Title: 二号 on 36 pt. */
const BODY = SIZES_PT.body
const PITCH = 28
const TITLE_PITCH = 36
const INDENT = BODY * 2

export function pageGeometry(model: DocumentModel): PageGeometry {
  const m = model.margins
  return {
    width: A4_MM.width * PT_PER_MM,
    height: A4_MM.height * PT_PER_MM,
    left: m.left * PT_PER_MM,
    right: m.right * PT_PER_MM,
    top: m.top * PT_PER_MM,
    bottom: m.bottom * PT_PER_MM,
  }
}

function layoutBlock(c: Composer, b: Block, next: Block | undefined): void {
  const x = c.geo.left
  const width = c.textWidth
  switch (b.kind) {
    case 'title': {
      const lines = breakLines([{ text: b.text }], c.measure, SIZES_PT.title, width)
      c.ensure(lines.length * TITLE_PITCH + PITCH * 2)
      c.placeParagraph(lines, { x, width, pitch: TITLE_PITCH, size: SIZES_PT.title, align: 'center', firstIndent: 0, bold: true })
      c.cursor += PITCH / 2
      return
    }
    case 'heading': {
      const lines = breakLines([{ text: b.number + b.text, bold: true }], c.measure, BODY, width, INDENT)
      // Widow control: a heading stays with at least two lines of what follows it.
      c.ensure((lines.length + (next && next.kind !== 'heading' ? 2 : 1)) * PITCH)
      c.placeParagraph(lines, { x, width, pitch: PITCH, size: BODY, align: 'left', firstIndent: INDENT })
      return
    }
    case 'paragraph': {
      const indent = b.indent ? INDENT : 0
      const lines = breakLines(b.runs, c.measure, BODY, width, indent)
      c.placeParagraph(lines, { x, width, pitch: PITCH, size: BODY, align: b.align, firstIndent: indent })
      return
    }
    case 'list': {
      b.items.forEach((item, i) => {
        const marker = b.ordered ? `${i + 1}.` : '•'
        const hang = BODY * 1.5
        const lines = breakLines(item, c.measure, BODY, width - INDENT - hang)
        c.ensure(PITCH)
        c.page.ops.push({ kind: 'text', x: x + INDENT, y: c.baseline(c.cursor, PITCH, BODY), text: marker, size: BODY, charSpacing: 0, width: c.measure(marker) * BODY })
        c.placeParagraph(lines, { x: x + INDENT + hang, width: width - INDENT - hang, pitch: PITCH, size: BODY, align: 'justify', firstIndent: 0 })
      })
      return
    }
    case 'table':
      layoutTable(c, b)
      return
    case 'signature': {
      // The signatures and the date line under them stay together on one page.
      const dateLines = next?.kind === 'dateLine' ? 1 : 0
      c.ensure((b.lines.length + 1 + dateLines) * PITCH)
      if (!c.atPageTop) c.cursor += PITCH
      for (const l of b.lines) {
        const text = `${l.label}${l.name || '　'.repeat(6)}${l.seal ? '（盖章）' : ''}`
        const lines = breakLines([{ text }], c.measure, BODY, width)
        c.placeParagraph(lines, { x, width, pitch: PITCH, size: BODY, align: 'right', firstIndent: 0 })
      }
      return
    }
    case 'dateLine': {
      const lines = breakLines([{ text: b.text }], c.measure, BODY, width)
      c.placeParagraph(lines, { x, width, pitch: PITCH, size: BODY, align: 'right', firstIndent: 0 })
      return
    }
    case 'pageBreak':
      if (!c.atPageTop) c.newPage()
      return
    case 'spacer':
      c.cursor = Math.min(c.cursor + b.lines * PITCH, c.geo.height - c.geo.bottom)
      return
    case 'image': {
      // Centred, shrunk to the text width if wider, with half a line below it.
      const w = Math.min(b.widthMm * PT_PER_MM, width)
      const h = (b.heightMm / b.widthMm) * w
      c.ensure(h + PITCH / 2)
      c.page.ops.push({ kind: 'image', x: x + (width - w) / 2, y: c.geo.height - c.cursor - h, width: w, height: h, png: b.png })
      c.cursor += h + PITCH / 2
      return
    }
  }
}

/**
 * Lays a document out on A4 pages: every block, then the running header and the "第 X 页 共 Y 页"
 * footer now that the page count is known. `measure` gives a string's width in em.
 */
export function layoutDocument(model: DocumentModel, measure: Measure): PageLayout[] {
  const geo = pageGeometry(model)
  const c = new Composer(geo, measure)
  model.blocks.forEach((b, i) => layoutBlock(c, b, model.blocks[i + 1]))
  const total = c.pages.length
  c.pages.forEach((page, i) => {
    if (model.pageNumbers) {
      const text = pageFooterText(i + 1, total)
      const size = SIZES_PT.footer
      const w = measure(text) * size
      page.ops.push({ kind: 'text', x: (geo.width - w) / 2, y: geo.bottom / 2, text, size, charSpacing: 0, width: w })
    }
    if (model.header) {
      const size = SIZES_PT.header
      const w = measure(model.header) * size
      page.ops.push({ kind: 'text', x: geo.width - geo.right - w, y: geo.height - geo.top / 2, text: model.header, size, charSpacing: 0, width: w })
    }
  })
  return c.pages
}
