import fontkit from '@pdf-lib/fontkit'
import {
  PDFDocument,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
  beginText,
  closePath,
  concatTransformationMatrix,
  endText,
  fillAndStroke,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  setLineWidth,
  setStrokingColor,
  setTextMatrix,
  showText,
} from 'pdf-lib'
import { FONT_POSTSCRIPT_NAME, subsetForText, subsetTag, textWidthEm } from '../../documents/render-pdf/fonts'

/**
 * The stamp on every page of a bundle: "<案号> 证据3 第 12 页" at the top right and, when asked, a Bates
 * number ("HZ2024-000012") under it. It is real text in the bundle's CJK font subset (so pdftotext and
 * search find it), on a white box so it stays legible over a scanned page, drawn in the page's visible
 * orientation whatever its /Rotate.
 */
const SIZE = 9
const MARGIN = 14
const PAD = 3

/** The Bates number of page `n`: the prefix, a hyphen if the prefix ends in a letter or digit, six digits. */
export function batesNumber(prefix: string, n: number): string {
  return `${prefix}${/[A-Za-z0-9]$/.test(prefix) ? '-' : ''}${String(n).padStart(6, '0')}`
}

/** Embeds the font subset for every stamp of the bundle (all stamp texts given at once). */
export async function embedStampFont(doc: PDFDocument, texts: string[]): Promise<PDFFont> {
  doc.registerFontkit(fontkit)
  const all = texts.join('') + '0123456789'
  const subset = await subsetForText(all)
  return doc.embedFont(subset, { subset: false, customName: `${subsetTag(all)}+${FONT_POSTSCRIPT_NAME}` })
}

/** User-space matrix that maps the page's visible (rotated) coordinates onto its box. */
function visibleMatrix(page: PDFPage): { m: [number, number, number, number, number, number]; width: number; height: number } {
  const box = page.getCropBox()
  const r = ((page.getRotation().angle % 360) + 360) % 360
  const { x, y, width: w, height: h } = box
  if (r === 90) return { m: [0, 1, -1, 0, x + w, y], width: h, height: w }
  if (r === 180) return { m: [-1, 0, 0, -1, x + w, y + h], width: w, height: h }
  if (r === 270) return { m: [0, -1, 1, 0, x, y + h], width: h, height: w }
  return { m: [1, 0, 0, 1, x, y], width: w, height: h }
}

/**
 * Draws the stamp lines at the page's top right. The page's own content is wrapped in q…Q first, so a
 * graphics state it leaves changed cannot move or hide the stamp.
 */
export function stampPage(doc: PDFDocument, page: PDFPage, font: PDFFont, lines: string[]): void {
  // normalize() makes /Contents an array and wraps the page's own content in q…Q (pdf-lib's autoNormalizeCTM).
  page.node.normalize()
  const key = page.node.newFontDictionary('CDStamp', font.ref).asString().slice(1)
  const { m, width, height } = visibleMatrix(page)
  const widths = lines.map((l) => textWidthEm(l) * SIZE)
  const boxW = Math.max(...widths) + PAD * 2
  const boxH = lines.length * (SIZE + 2) + PAD * 2
  const left = width - MARGIN - boxW
  const top = height - MARGIN
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    concatTransformationMatrix(...m),
    setFillingColor(rgb(1, 1, 1)), setStrokingColor(rgb(0.55, 0, 0)), setLineWidth(0.6),
    moveTo(left, top), lineTo(left + boxW, top), lineTo(left + boxW, top - boxH), lineTo(left, top - boxH), closePath(), fillAndStroke(),
    setFillingColor(rgb(0.55, 0, 0)),
    beginText(), setFontAndSize(key, SIZE),
  ]
  lines.forEach((l, i) => {
    ops.push(setTextMatrix(1, 0, 0, 1, left + boxW - PAD - widths[i], top - PAD - SIZE * 0.88 - i * (SIZE + 2)), showText(font.encodeText(l)))
  })
  ops.push(endText(), popGraphicsState())
  page.node.addContentStream(doc.context.register(doc.context.contentStream(ops)))
}
