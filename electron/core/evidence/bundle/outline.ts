import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFDict, type PDFRef } from 'pdf-lib'

/**
 * PDF navigation pdf-lib has no API for: the outline (bookmarks, one per exhibit, sub-items nested under
 * their exhibit) and link annotations from the 证据目录 rows to each exhibit's first page.
 */
export interface OutlineEntry {
  title: string
  /** 0-based page index the bookmark opens. */
  page: number
  children?: OutlineEntry[]
}

const fitDest = (doc: PDFDocument, page: number) => doc.context.obj([doc.getPage(page).ref, PDFName.of('Fit')])

/** Writes the outline tree and opens the document with the bookmarks panel shown. */
export function addOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  const rootRef = doc.context.nextRef()
  const count = writeLevel(doc, entries, rootRef)
  const root = doc.context.obj({ Type: 'Outlines' }) as PDFDict
  if (count.first) {
    root.set(PDFName.of('First'), count.first)
    root.set(PDFName.of('Last'), count.last!)
    root.set(PDFName.of('Count'), PDFNumber.of(count.total))
  }
  doc.context.assign(rootRef, root)
  doc.catalog.set(PDFName.of('Outlines'), rootRef)
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'))
}

function writeLevel(doc: PDFDocument, entries: OutlineEntry[], parent: PDFRef): { first?: PDFRef; last?: PDFRef; total: number } {
  const refs = entries.map(() => doc.context.nextRef())
  let total = 0
  entries.forEach((e, i) => {
    const item = doc.context.obj({}) as PDFDict
    item.set(PDFName.of('Title'), PDFHexString.fromText(e.title))
    item.set(PDFName.of('Parent'), parent)
    item.set(PDFName.of('Dest'), fitDest(doc, e.page))
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1])
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1])
    if (e.children?.length) {
      const sub = writeLevel(doc, e.children, refs[i])
      item.set(PDFName.of('First'), sub.first!)
      item.set(PDFName.of('Last'), sub.last!)
      // Positive: the exhibit opens with its sub-items shown.
      item.set(PDFName.of('Count'), PDFNumber.of(sub.total))
      total += sub.total
    }
    doc.context.assign(refs[i], item)
    total++
  })
  return { first: refs[0], last: refs.at(-1), total }
}

/** A clickable area on page `from` (PDF points) that goes to page `to`. */
export function addPageLink(doc: PDFDocument, from: number, rect: [number, number, number, number], to: number): void {
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: rect,
    Border: [0, 0, 0],
    Dest: fitDest(doc, to),
  })
  const page = doc.getPage(from)
  const ref = doc.context.register(annot)
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
  if (annots) annots.push(ref)
  else page.node.set(PDFName.of('Annots'), doc.context.obj([ref]))
}
