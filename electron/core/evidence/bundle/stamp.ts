import type { PDFDocument, PDFPage } from 'pdf-lib'
import { embedSubsetFont, type EmbeddedFont } from '../../documents/render-pdf/embed-font'
import { textWidthEm } from '../../documents/render-pdf/fonts'

/**
 * The stamp on every page of a bundle: "<案号> 证据3 第 12 页" at the top right and, when asked, a Bates
 * number ("HZ2024-000012") under it. It is real text in the bundle's CJK font subset (so pdftotext and
 * search find it), on a white box so it stays legible over a scanned page, drawn in the page's visible
 * orientation whatever its /Rotate.
 *
 * Speed (a 500-page bundle stamps 500 pages): the font is the documents engine's own subset embedding, whose
 * text encoding is a cmap lookup (pdf-lib's embedFont shapes every string with fontkit, ~1 ms a page), and
 * each page's stamp is one small uncompressed content stream written as text (pdf-lib's content streams
 * are deflated by pako one by one, allocating a fresh deflate state each time, ~1.7 ms a page).
 */
const SIZE = 9
const MARGIN = 14
const PAD = 3

/** The Bates number of page `n`: the prefix, a hyphen if the prefix ends in a letter or digit, six digits. */
export function batesNumber(prefix: string, n: number): string {
  return `${prefix}${/[A-Za-z0-9]$/.test(prefix) ? '-' : ''}${String(n).padStart(6, '0')}`
}

/** Embeds the font subset for every stamp of the bundle (all stamp texts given at once). */
export function embedStampFont(doc: PDFDocument, texts: string[]): EmbeddedFont {
  return embedSubsetFont(doc.context, texts.join('') + '0123456789')
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

/** A number as PDF content writes it (no exponent, at most 3 decimals). */
const num = (v: number) => String(Number(v.toFixed(3)))

/**
 * Draws the stamp lines at the page's top right. The page's own content is wrapped in q…Q first, so a
 * graphics state it leaves changed cannot move or hide the stamp.
 */
export function stampPage(doc: PDFDocument, page: PDFPage, font: EmbeddedFont, lines: string[]): void {
  // normalize() makes /Contents an array and wraps the page's own content in q…Q (pdf-lib's autoNormalizeCTM).
  page.node.normalize()
  const key = page.node.newFontDictionary('CDStamp', font.ref).asString()
  const { m, width, height } = visibleMatrix(page)
  const widths = lines.map((l) => textWidthEm(l) * SIZE)
  const boxW = Math.max(...widths) + PAD * 2
  const boxH = lines.length * (SIZE + 2) + PAD * 2
  const left = width - MARGIN - boxW
  const top = height - MARGIN
  const ops = [
    'q', `${m.map(num).join(' ')} cm`,
    '1 1 1 rg 0.55 0 0 RG 0.6 w',
    `${num(left)} ${num(top - boxH)} ${num(boxW)} ${num(boxH)} re B`,
    '0.55 0 0 rg BT', `${key} ${SIZE} Tf`,
  ]
  lines.forEach((l, i) => {
    ops.push(`1 0 0 1 ${num(left + boxW - PAD - widths[i])} ${num(top - PAD - SIZE * 0.88 - i * (SIZE + 2))} Tm ${font.encode(l).toString()} Tj`)
  })
  ops.push('ET Q')
  page.node.addContentStream(doc.context.register(doc.context.stream(ops.join('\n'))))
}
