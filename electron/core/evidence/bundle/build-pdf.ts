import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState } from 'pdf-lib'
import { deflateSync } from 'node:zlib'
import type { DocumentContext } from '../../documents/context'
import { A4_MM } from '../../documents/model'
import { PT_PER_MM } from '../../documents/render-pdf/ops'
import { UserError } from '../../errors'
import { layoutIndexPages, renderIndexPages, type IndexPages, type IndexRow } from './index-pages'
import { addOutline, addPageLink, type OutlineEntry } from './outline'
import { jpegOrientation, orientedMatrix, swapsSides } from './jpeg-orientation'
import { embedPngDirect } from './png-direct'
import { batesNumber, embedStampFont, stampPage } from './stamp'
import './pdf-fast-write'

/**
 * Builds the bundle PDF: cover and 证据目录 (documents engine), then every exhibit in order — PDF pages
 * copied as they are, images on A4 scaled to fit — a stamp on every page, a bookmark per exhibit and a link
 * from each index row to its exhibit's first page. Page ranges printed in the index are those of the result:
 * the index is laid out again until its own length is stable, since a longer index moves every exhibit.
 * Memory: exhibits are read and parsed one at a time, in order, each dropped once its pages are copied.
 */
export interface BundleSource {
  label: string
  name: string
  source: string | null
  purpose: string | null
  original: boolean
  /** 'application/pdf', 'image/jpeg' or 'image/png' (DOCX arrives here already converted to PDF). */
  mime: string
  /** The page count taken at intake (pdf-lib's, as here); null when not known yet (a converted DOCX). */
  pages: number | null
  /** Reads the bytes when the exhibit's turn comes, so only one exhibit's bytes and parse are held at a time. */
  bytes(): Uint8Array
  isSubItem: boolean
}

export interface BuildBundleOptions {
  /** The case number printed in the stamp. */
  caseNo: string
  batesPrefix?: string
  /** Case data for the cover and index (document context, evidence filled in here). */
  context: DocumentContext
  onProgress?(done: number, total: number, current: string): void
}

export interface BuiltBundle {
  bytes: Uint8Array
  pages: number
  indexPages: number
  ranges: { label: string; firstPage: number; lastPage: number }[]
}

const A4 = { width: A4_MM.width * PT_PER_MM, height: A4_MM.height * PT_PER_MM }
const IMAGE_MARGIN = 15 * PT_PER_MM

/**
 * Streams pdf-lib compresses itself (images it re-encodes, the stamp font) go through Node's zlib rather than
 * pako, several times faster; the same idea as the documents renderer's (render-pdf/index.ts, not exported).
 */
function useNativeDeflate(doc: PDFDocument): void {
  const ctx = doc.context
  ctx.flateStream = (contents, dict = {}) =>
    ctx.stream(deflateSync(typeof contents === 'string' ? Buffer.from(contents, 'latin1') : contents), { ...dict, Filter: 'FlateDecode' })
}

const rangeText = (first: number, last: number) => (first === last ? `${first}` : `${first}-${last}`)

async function loadPdf(s: BundleSource, bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false })
  } catch (e) {
    throw new UserError('EVIDENCE_PDF_CORRUPT', `证据${s.label}“${s.name}”无法读取：${(e as Error).message.slice(0, 120)}`, `Exhibit ${s.label} "${s.name}" cannot be read: ${(e as Error).message.slice(0, 120)}`)
  }
}

export async function buildBundlePdf(sources: BundleSource[], opts: BuildBundleOptions): Promise<BuiltBundle> {
  const total = sources.length + 2
  // Page counts come from intake; only a source without one (a converted DOCX) is parsed now, and kept for the merge.
  const early = new Map<number, PDFDocument>()
  const counts: number[] = []
  for (const [i, s] of sources.entries()) {
    if (s.mime !== 'application/pdf') counts.push(1)
    else if (s.pages) counts.push(s.pages)
    else {
      const pdf = await loadPdf(s, s.bytes())
      early.set(i, pdf)
      counts.push(pdf.getPageCount())
    }
  }
  const ranges = (indexPages: number) => {
    let next = indexPages + 1
    return counts.map((pages, i) => {
      const r = { label: sources[i].label, firstPage: next, lastPage: next + pages - 1 }
      next += pages
      return r
    })
  }
  const rows = (indexPages: number): IndexRow[] => ranges(indexPages).map((r, i) => ({
    label: r.label, name: sources[i].name, source: sources[i].source ?? '', purpose: sources[i].purpose ?? '',
    pages: rangeText(r.firstPage, r.lastPage), original: sources[i].original ? '原件' : '复印件',
  }))
  opts.onProgress?.(0, total, '证据目录')
  // A longer index moves every exhibit: lay it out (cheap, no PDF) until its length is the one its ranges assume,
  // then render once. The first guess (cover + one index page) is right for most cases: one layout, not two.
  let indexPages = 2
  for (let tries = 0; tries < 6; tries++) {
    const again = layoutIndexPages(opts.context, rows(indexPages))
    const stable = again === indexPages
    indexPages = again
    if (stable) break
  }
  const index: IndexPages = await renderIndexPages(opts.context, rows(indexPages))
  const final = ranges(index.pages)
  const doc = await PDFDocument.load(index.bytes, { updateMetadata: false })
  useNativeDeflate(doc)
  for (const [i, s] of sources.entries()) {
    opts.onProgress?.(i + 1, total, `证据${s.label}`)
    if (s.mime === 'application/pdf') {
      const pdf = early.get(i) ?? (await loadPdf(s, s.bytes()))
      early.delete(i)
      if (pdf.getPageCount() !== counts[i]) throw new UserError('EVIDENCE_PAGES_CHANGED', `证据${s.label}“${s.name}”的页数（${pdf.getPageCount()}）与入库时（${counts[i]}）不符，请运行“校验存储文件”`, `Exhibit ${s.label} "${s.name}" has ${pdf.getPageCount()} pages, not the ${counts[i]} recorded at intake; check the stored files`)
      for (const p of await doc.copyPages(pdf, pdf.getPageIndices())) doc.addPage(p)
      continue
    }
    const bytes = s.bytes()
    const page = doc.addPage([A4.width, A4.height])
    const place = (w: number, h: number) => {
      const scale = Math.min((A4.width - 2 * IMAGE_MARGIN) / w, (A4.height - 2 * IMAGE_MARGIN) / h)
      return { x: (A4.width - w * scale) / 2, y: (A4.height - h * scale) / 2, width: w * scale, height: h * scale }
    }
    const direct = s.mime === 'image/png' ? embedPngDirect(doc, bytes) : null
    if (direct) {
      const at = place(direct.width, direct.height)
      const name = page.node.newXObject('Im', direct.ref)
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(at.width, 0, 0, at.height, at.x, at.y), drawObject(name), popGraphicsState())
      continue
    }
    let image
    try {
      // A copy at offset 0: pdf-lib's JPEG reader views `bytes.buffer` from its start, and a Node Buffer may sit inside a shared pool.
      const own = new Uint8Array(bytes)
      image = s.mime === 'image/png' ? await doc.embedPng(own) : await doc.embedJpg(own)
    } catch (e) {
      throw new UserError('EVIDENCE_IMAGE_CORRUPT', `证据${s.label}“${s.name}”的图片无法读取：${(e as Error).message.slice(0, 120)}`, `The image of exhibit ${s.label} "${s.name}" cannot be read: ${(e as Error).message.slice(0, 120)}`)
    }
    // A JPEG is drawn upright as its EXIF orientation says (a sideways phone photo stands up).
    const orientation = s.mime === 'image/jpeg' ? jpegOrientation(bytes) : 1
    const at = swapsSides(orientation) ? place(image.height, image.width) : place(image.width, image.height)
    const name = page.node.newXObject('Im', image.ref)
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...orientedMatrix(orientation, at.x, at.y, at.width, at.height)), drawObject(name), popGraphicsState())
  }
  opts.onProgress?.(total - 1, total, '页码与书签')
  const pageCount = doc.getPageCount()
  const ownerOf = new Array<string>(pageCount).fill('证据目录')
  if (pageCount > 0) ownerOf[0] = '封面'
  final.forEach((r) => { for (let p = r.firstPage; p <= r.lastPage; p++) ownerOf[p - 1] = `证据${r.label}` })
  const stampLines = ownerOf.map((owner, i) => {
    const lines = [`${opts.caseNo}  ${owner}  第 ${i + 1} 页`]
    if (opts.batesPrefix) lines.push(batesNumber(opts.batesPrefix, i + 1))
    return lines
  })
  const font = embedStampFont(doc, [...new Set(stampLines.flat().join(''))].map(String))
  doc.getPages().forEach((p, i) => stampPage(doc, p, font, stampLines[i]))

  const outline: OutlineEntry[] = [{ title: '证据目录', page: Math.min(1, index.pages - 1) }]
  final.forEach((r, i) => {
    const title = `证据${r.label} ${sources[i].name}（第 ${rangeText(r.firstPage, r.lastPage)} 页）`
    if (sources[i].isSubItem && outline.length > 1) (outline.at(-1)!.children ??= []).push({ title, page: r.firstPage - 1 })
    else outline.push({ title, page: r.firstPage - 1 })
  })
  addOutline(doc, outline)
  for (const a of index.anchors) {
    const r = final.find((x) => x.label === a.label)
    if (r) addPageLink(doc, a.page, [a.x1, a.y - a.size * 0.4, a.x2, a.y + a.size * 1.1], r.firstPage - 1)
  }
  doc.setTitle(`证据材料 ${opts.caseNo}`, { showInWindowTitleBar: true })
  doc.setCreator('CaseDesk')
  doc.setProducer('CaseDesk (pdf-lib)')
  const bytes = await doc.save({ useObjectStreams: false })
  opts.onProgress?.(total, total, '完成')
  return { bytes, pages: pageCount, indexPages: index.pages, ranges: final }
}
