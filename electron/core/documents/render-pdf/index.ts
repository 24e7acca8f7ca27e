import {
  PDFDocument,
  type PDFOperator,
  TextRenderingMode,
  beginText,
  endText,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSpacing,
  setFontAndSize,
  setLineWidth,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  stroke,
} from 'pdf-lib'
import { deflateSync } from 'node:zlib'
import { modelText, type DocumentModel } from '../model'
import { embedSubsetFont, type EmbeddedFont } from './embed-font'
import { textWidthEm } from './fonts'
import { layoutDocument, pageGeometry } from './layout'
import type { PageLayout } from './ops'

/**
 * Model → PDF with our own layout (see layout.ts) and an embedded subset of Noto Serif SC.
 * Bold is the font's outline stroked over its fill (text render mode 2), since only the Regular weight
 * ships; the text stays one copy, so extraction is clean.
 */
function pageOperators(page: PageLayout, font: EmbeddedFont, fontKey: string): PDFOperator[] {
  const ops: PDFOperator[] = [pushGraphicsState(), beginText()]
  let size = -1
  let spacing = 0
  let bold = false
  const rules: PDFOperator[] = []
  for (const op of page.ops) {
    if (op.kind === 'image') continue // drawn by renderPdf with pdf-lib's image XObject
    if (op.kind === 'rule') {
      rules.push(setLineWidth(op.lineWidth), moveTo(op.x1, op.y1), lineTo(op.x2, op.y2), stroke())
      continue
    }
    if (op.size !== size) { ops.push(setFontAndSize(fontKey, op.size)); size = op.size }
    if (op.charSpacing !== spacing) { ops.push(setCharacterSpacing(op.charSpacing)); spacing = op.charSpacing }
    if (!!op.bold !== bold) {
      bold = !!op.bold
      ops.push(setTextRenderingMode(bold ? TextRenderingMode.FillAndOutline : TextRenderingMode.Fill))
      if (bold) ops.push(setLineWidth(op.size * 0.035))
    }
    ops.push(setTextMatrix(1, 0, 0, 1, op.x, op.y), showText(font.encode(op.text)))
    if (op.underline) {
      const uy = op.y - op.size * 0.15
      rules.push(setLineWidth(op.size * 0.05), moveTo(op.x, uy), lineTo(op.x + op.width - op.charSpacing, uy), stroke())
    }
  }
  ops.push(endText(), popGraphicsState())
  if (rules.length) ops.push(pushGraphicsState(), ...rules, popGraphicsState())
  return ops
}

/**
 * pdf-lib compresses streams with pako (deflate in JavaScript), which was a third of the time of a
 * one-page letter. This document's context uses Node's native zlib instead, at level 1: the font program
 * is most of the bytes, and level 6 costs a third more time for 3% smaller files. The output is still
 * plain FlateDecode, and deterministic.
 */
function useNativeDeflate(doc: PDFDocument): void {
  const ctx = doc.context
  ctx.flateStream = (contents, dict = {}) =>
    ctx.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents, { level: 1 }), { ...dict, Filter: 'FlateDecode' })
}

/** The document's date at midnight in China (UTC+8), the fixed creation date that makes output reproducible. */
function documentDate(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`)
}

/**
 * Renders a document model to PDF bytes. Pure and reproducible: the same model gives byte-identical
 * output (fixed dates from `model.meta.date`, no random font-name suffix, no document ID).
 */
export async function renderPdf(model: DocumentModel): Promise<Uint8Array> {
  const pages = layoutDocument(model, textWidthEm)
  const text = modelText(model)
  const doc = await PDFDocument.create({ updateMetadata: false })
  useNativeDeflate(doc)
  const font = embedSubsetFont(doc.context, text)
  const geo = pageGeometry(model)
  for (const layout of pages) {
    const page = doc.addPage([geo.width, geo.height])
    const key = page.node.newFontDictionary('F', font.ref)
    const content = pageOperators(layout, font, key.asString().slice(1)).map((o) => o.toString()).join('\n')
    page.node.addContentStream(doc.context.register(doc.context.flateStream(content)))
    for (const op of layout.ops) if (op.kind === 'image') page.drawImage(await doc.embedPng(op.png), { x: op.x, y: op.y, width: op.width, height: op.height })
  }
  const when = documentDate(model.meta.date)
  doc.setTitle(model.meta.title, { showInWindowTitleBar: true })
  if (model.meta.subject) doc.setSubject(model.meta.subject)
  doc.setAuthor(model.meta.author ?? 'CaseDesk')
  doc.setCreator('CaseDesk')
  doc.setProducer('CaseDesk (pdf-lib)')
  doc.setLanguage('zh-CN')
  doc.setCreationDate(when)
  doc.setModificationDate(when)
  return doc.save({ useObjectStreams: false })
}
