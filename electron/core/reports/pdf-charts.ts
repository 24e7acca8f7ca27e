import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { fenToYuan } from '../../../shared/domain/money'
import { AGING_BUCKETS } from '../../../shared/domain/report'
import type { DocumentModel } from '../documents/model'
import { textWidthEm } from '../documents/render-pdf/fonts'
import { layoutDocument } from '../documents/render-pdf/layout'
import type { ClientReportData } from './client-report-data'
import { CHART_HEADINGS, CHART_SPACER_LINES } from './chart-layout'

/**
 * Vector bar charts for the PDF client report. The document model has no drawing block, so the report ends
 * with a page holding a heading and blank space per chart; the same layout the renderer used tells where
 * those headings landed, and the bars are drawn there as PDF paths (sharp at any zoom, no images). Axis
 * labels are ASCII (bucket keys, months, numbers) in Helvetica; the Chinese titles are the model's headings.
 */
const PITCH = 28

interface Bar { label: string; value: number; text: string }

export async function drawPdfCharts(pdf: Uint8Array, model: DocumentModel, d: ClientReportData): Promise<Uint8Array> {
  const layout = layoutDocument(model, textWidthEm)
  const lastIndex = layout.length - 1
  const doc = await PDFDocument.load(pdf, { updateMetadata: false })
  const page = doc.getPage(lastIndex)
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const charts: Bar[][] = [
    AGING_BUCKETS.map((b) => ({ label: b, value: d.month1.aging[b].count, text: String(d.month1.aging[b].count) })),
    d.months6.months.map((m) => ({ label: m.month, value: m.recoveredFen, text: fenToYuan(m.recoveredFen) })),
  ]
  CHART_HEADINGS.forEach((heading, i) => {
    const op = layout[lastIndex].ops.find((o) => o.kind === 'text' && o.text.includes(heading.slice(0, 3)))
    if (!op || op.kind !== 'text') throw new Error(`chart heading not laid out: ${heading}`)
    const left = 80
    const top = op.y - PITCH * 0.8
    drawBars(page, font, charts[i], { x: left, y: top - (CHART_SPACER_LINES - 1) * PITCH, width: page.getWidth() - left * 2, height: (CHART_SPACER_LINES - 1) * PITCH })
  })
  return doc.save({ useObjectStreams: false })
}

/** Bars in a box (origin bottom left): value labels above, category labels below, one base line. */
function drawBars(page: PDFPage, font: PDFFont, bars: Bar[], box: { x: number; y: number; width: number; height: number }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  const baseY = box.y + 16
  const plotH = box.height - 34
  const slot = box.width / bars.length
  const barW = slot * 0.55
  page.drawLine({ start: { x: box.x, y: baseY }, end: { x: box.x + box.width, y: baseY }, thickness: 0.8, color: rgb(0.3, 0.3, 0.3) })
  bars.forEach((b, i) => {
    const x = box.x + i * slot + (slot - barW) / 2
    const hgt = (b.value / max) * plotH
    if (hgt > 0) page.drawRectangle({ x, y: baseY, width: barW, height: hgt, color: rgb(0.09, 0.47, 1) })
    const center = (t: string, size: number) => x + barW / 2 - font.widthOfTextAtSize(t, size) / 2
    page.drawText(b.text, { x: center(b.text, 8), y: baseY + hgt + 3, size: 8, font, color: rgb(0.15, 0.15, 0.15) })
    page.drawText(b.label, { x: center(b.label, 9), y: baseY - 12, size: 9, font, color: rgb(0.15, 0.15, 0.15) })
  })
}
